from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "presence" (
    "chosen" VARCHAR(16) NOT NULL /* ONLINE: ONLINE\nBUSY: BUSY\nBE_RIGHT_BACK: BE_RIGHT_BACK\nOFFLINE: OFFLINE */,
    "returns_to" VARCHAR(16) /* ONLINE: ONLINE\nBUSY: BUSY\nBE_RIGHT_BACK: BE_RIGHT_BACK\nOFFLINE: OFFLINE */,
    "returns_at" TIMESTAMP,
    "shown" VARCHAR(16) NOT NULL /* ONLINE: ONLINE\nBUSY: BUSY\nBE_RIGHT_BACK: BE_RIGHT_BACK\nOFFLINE: OFFLINE */,
    "shown_since" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL PRIMARY KEY REFERENCES "user" ("id") ON DELETE CASCADE
) /* One row per user: what he chose, and what teammates see (OFFLINE once he is gone). */;
CREATE INDEX IF NOT EXISTS "idx_presence_company_5d3a0c" ON "presence" ("company_id", "shown");
CREATE INDEX IF NOT EXISTS "idx_presence_returns_92949e" ON "presence" ("returns_at");
        CREATE TABLE IF NOT EXISTS "presence_interval" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ONLINE: ONLINE\nBUSY: BUSY\nBE_RIGHT_BACK: BE_RIGHT_BACK\nOFFLINE: OFFLINE */,
    "started_at" TIMESTAMP NOT NULL,
    "ended_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* A span during which a user was shown one status; `ended_at` is null for the current one. */;
CREATE INDEX IF NOT EXISTS "idx_presence_in_company_fc5421" ON "presence_interval" ("company_id", "user_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_presence_in_user_id_ea4a31" ON "presence_interval" ("user_id", "ended_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "presence";
        DROP TABLE IF EXISTS "presence_interval";"""


MODELS_STATE = (
    "eJztXVtz2jgU/isantKZNpNAbpvu7AykpGWbQCch291exlWwwJ4YiVpyaLab/76SbOM72M"
    "QhjquXAJKOJH9Hl3O+Izk/G1OiI4tun5DpDOK7xjH42cBwiviXeNZL0ICzWZAhEhi8tmTZ"
    "UajQNWU2HDGePIYWRTxJR3RkmzNmEiwKtwFDGGJ2DNAtsu/AtUNNjCgFNpmDa2QRPKGAEY"
    "B+8GqsO0AwAl4D26IFnYx4EyaelFGZg83vDtIYmSBmIJtX+fkrTzaxjn4g6v+c3WhjE1l6"
    "BCBTFxXIdI3dzWRaD7NTWVD081obEcuZ4qDw7I4ZBC9Km5iJ1AnCyIYMieqZ7QjIsGNZHr"
    "g+im5PgyJuF0MyOhpDxxLAC2m3A0FaQ9P6g6F22R1qWiOhFF8iBK2XNCJYKJR3lcqnn4gu"
    "vGru7h3uHbUO9o54EdnNRcrhvdt0AIwrKOHpDxv3Mh8y6JaQGAegys8ErCcGtNNx9cvHkO"
    "VdjiPr47gMWj8hwDYYw5sAdwp/aBbCE2YIRHd2lkD5V/vi5F37YouXeiGaJHzSuZOx72U1"
    "3TyBd4Cv12fNgnjiwEkhrNNkN4d7A+HGRnA/yoH6USbmR3HEmTlF//JlpwjSYZkNInw1PN"
    "kMxAd7OTA+2MsEWWRFUR7ZSKChQZbE+Q3PEYimYx2VjKGte6Lb/pfnuKrwB9QH2Lrztool"
    "0A97593LYfv8g2huSul3S+LXHnZFTlOm3sVStw5ialpUAj72hu+A+Ak+DfpdCS+hbGLLFo"
    "Nyw08N0SfoMKJhMtegHtrV/FQftXuxH49vQpuHSLiGo5s5tHUtkhPaq/GtyaBAjibHR8cT"
    "Pn1/gSxZKGUkeOZQb1HRMxwJ9/7Y91ODERFARbn19HCcLt1a6gqSQ5H9QISueBV1hWfGpz"
    "jCI/RAiD541dQdJo3nI/sWWiXh1fOqqxNuYpUnTZK17iezps1pPAVibrXqXtuipeSinuIB"
    "R5f8bCfYjJbL4QdzC++VMCq4g3qDMJibzABzwxwZAGIgq0M6EEsNoIhRYJgUzCClc2LraZ"
    "7wQ6tTvnC1fGGpRs2A1CjkO0SkyvEenhZm5Too16EU1yGsdfRjZvLa1tB6VLKGWn8mWvYx"
    "Wapmvt2tM7NDYiUo2BuPSr/l69fj8rVCBkhUaLUh8gzmbDm2SIww4XPguiC0Cbm10K3YhC"
    "kbXGGDF4M1JKGGq4doggiMApxE95TYyJzg9+hOgtzjPYIeu/BLUDQ82YbzhfcWHlT82fkT"
    "I+b6Fu3Lk/abbiNtoS0B1VBEuabARveX1dgGi+bmBm3Flti80Cb2lwi6vBegf3V21rjPDg"
    "o8JpHks94pLFKIEM+mkGio0Er+aIARsMjExIBgea5BR7fmCL0GJqPARmNuZRkuFSROQzA+"
    "FADEOhgTeyqLj+HUtFKOVJRY72pG6XN4FbLRLa9WGt5fC1FNV1e9NwW4Jscx9W0h8zhcSO"
    "P3sYNHQk1AtiT+7P3xWJHVJfuk5EJarnkeNrzloy/nnjw9a+txUOnSNTyjUT4b5cHhrQI5"
    "zcOo0OYsxJ0Km4cJg5sv2TiFCMgexVGptUZvxXbZ6OBt5Tpg1FpywKiVPGBkzoT7zmd/Si"
    "wrG+qoVP2gVqy1Yq3LYK0tSJm2JqcZl1Waf06aV/GKTK0/Ey3n4rNDLlBBNUclVdTiOWiZ"
    "L1c0zdBf5lnFJetnLLWaeczSZrZV2kwYSypKpAIZlUVUBTJUIKOawOYJZDwN0y5HdArN7o"
    "/0bI7dn1J5DmjOkM13WTA3CJgT+4YCEwPo3x88loQ4mXPNvxQnLKE+FZy5Lb8L1ijtjGYJ"
    "NeYh1aOK43+L8enq6OYDj26iKTStInbdQqB2Bzab+3m4L14q+xrjfoL9GvOGtaJ3RSNCNQ"
    "xGPMqF0ZlR8O7iQkA5JqsdE5tYGeB2sTNN2CFRV9CT3eAF0fbbLl/6imHdGHzsdy+Ogfz4"
    "gttvznv9YyA/+C9RIf+1qLegRnYPcmhkN+7qBxoRWVGNrHMxWl2IVheiqxYf8m/2FI7dJw"
    "Trt4439/dzmST7S0yS/UTgk2rcmzBvU8Z1h/ClGuIMkzosF8P6mgs+1uD2LcLNUrWdweAs"
    "wtJ2esMYyFfnnS5ftCX2vJDp+ptJ8klFQLOHe33jYM5MX1PrUUml9apoPSVikrgprSO5Rq"
    "6p+aS0Co9VR9nqUs8TBRcUE74pJly9iEa9iEa9QuSpcSsUj0qBmIq7DtnwDjAaEv6n1Pfa"
    "VNPKSMe2QPhugUBKCC+MTnYYbxYuleuujHgj6AzZ8g0ox2BuQAYMBEYGEQLiBotMYghOp1"
    "wfFFCEwNbg9PSs1+8CwpsSxU0KJgSjF+nXZspvoniwjxpkjhu80GfuDzDHxnT5fZoKnOGo"
    "dShQaj/jjNdqkj+Q3iDt6Y3IwkR/X0gdA/fzC+5cXf5zDMRf/r2rXfTevhtqnfbJe54Y/v"
    "kFew1y0VDLTx4K8KcPI2uHaCI1VJhIra3u1jlHG5ZUREGViQJ3r1tzci6E1cq66dkpodeo"
    "6amlyPSMidaQxq3TBFVMnmLyasXkJTmEVYe1fVrgkY9qP6kPVdpB7fIOCCeIrCVMQ5jsWs"
    "04LKi2fNRDG1A+3oDuCAT997G6r2GdQwrkfibfmyHoJYe+Bt8Q16EIVH0TVIB4LPFuDcAE"
    "k+DYNsJMFE87XPx4DRWnIUKq5u3ZXuhN0hKhLL8HBc8nd8zJr3JE+bdms9U6bO60Do729w"
    "4P9492FntHMmvZJtLpve31Y2ctVrMX7lhZ28ReSFf5uG39zOtgwhW1riOSyriutHG9WDwL"
    "Kjksp/iNKmtYuU/q3mp1EVX3VtW91WoCW917q21kc7+skeKMejkvl7mgMCizyu/MxlT9m4"
    "9qBYhvke2fUMp7RyMkUmXHqkrXM8SkKoCwV7yG6O7muiW6u+SW6G7ylihvkaW+XfHPy0E/"
    "y0xdiMSdEHPEwH/AMulztKyWgCvAiLgePqZb5+2/43CfnA06cZ9CVNBJs7w2uZnd/w/Cyl"
    "et"
)
