from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "company" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "default_language" VARCHAR(8) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "company" IS 'A tenant: every business row belongs to exactly one company.';
CREATE TABLE IF NOT EXISTS "user" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "full_name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(32),
    "role" VARCHAR(16) NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "password_hash" VARCHAR(255),
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "deactivated_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_user_company_14db8e" ON "user" ("company_id", "id");
COMMENT ON COLUMN "user"."role" IS 'OWNER: OWNER\nADMIN: ADMIN\nAGENT: AGENT';
COMMENT ON TABLE "user" IS 'A person who works in a company: its owner, an admin or an agent.';
CREATE TABLE IF NOT EXISTS "invitation" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "invited_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "invitation" IS 'A one-time token with which an invited user sets his password.';
CREATE TABLE IF NOT EXISTS "session" (
    "id" UUID NOT NULL PRIMARY KEY,
    "refresh_token_hash" VARCHAR(64) NOT NULL,
    "generation" INT NOT NULL,
    "user_agent" VARCHAR(300),
    "ip_address" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(32),
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_session_user_id_87dc3e" ON "session" ("user_id", "revoked_at");
COMMENT ON TABLE "session" IS 'One login on one device; its refresh tokens rotate and form one family.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXFtv2zYU/iuEnjqgDRrn0iAbBtiJs3pN7CFx1qFdIdASbRGRSFek4rhd/vtISrLuju"
    "Q4ji3oxbZIHpL6Di/nfIf0T82hJrLZ3hl1ppDMtVPwUyPQQeJHOust0OB0GmXIBA5Htipr"
    "xAqNGHehwUXyGNoMiSQTMcPFU44pkYXbgCMCCT8F6B65czDyGCaIMeDSGRghm5IJA5wC9C"
    "CqseeAEgSCBvZkCyY1RBOYTNZRmUfwdw/pnE4Qt5Arqvz6TSRjYqIHxMLH6Z0+xsg2EwBh"
    "U1ag0nU+n6q0HuEXqqDs50g3qO05JCo8nXOLkkVpTLhMnSCCXMiRrJ67noSMeLYdgBui6P"
    "c0KuJ3MSZjojH0bAm8lPY7EKVput4fDPWb7lDXtYxSQokYtEGSQYlUqOgqU28/kV1419o/"
    "/HB4cnB8eCKKqG4uUj48+k1HwPiCCp7+UHtU+ZBDv4TCOAJVfWdgPbOgm49rWD6FrOhyGt"
    "kQx2XQhgkRttEY3gS4DnzQbUQm3JKIvn+/BMq/29dnH9vXb0SpX2STVEw6fzL2g6yWnyfx"
    "jvAN+qzbkEw8OKmEdZ7s5nDXENE2gvtJCdRPCjE/SSPOsYN+iGWnCtJxmQ0ifDs82wzEx4"
    "clMD4+LARZZiVRNlwk0dAhz+J8LnIkovlYJyVTaJuB6F74YxdXFfGC5oDY82CrWAL9sHfV"
    "vRm2r/6SzTmMfbcVfu1hV+a0VOo8lfrmOKWmRSXgc2/4EchH8GXQ7yp4KeMTV7UYlRt+0W"
    "SfoMepTuhMh2ZsVwtTQ9Qe5X48vottHjJhBI27GXRNPZET26vJPeZQIsey46MTCF98uka2"
    "KpQzEgJzqLeoaAdHwmM49sPUaEREUDFhPT0fpxu/lrqC5DHkPhOhW1FFneCR05C2aNHEzG"
    "Y5LSedAokwK8ygbdlSdtbluCjJOVnspeBkuRKOitiC38lVX3gQd4iAGeYWmFnYsAAkQFWH"
    "TCDHAmCIM2BhBqaQsRl1zTxX5bnVNc7KdjkrSo26BZlVybhLSK3HvHtdmBvbrrHt1mLbxb"
    "WOHqZY1LaC1pOSNdT6jmg5xGSpmsV2t8rMjomtQcHBeGz0u379BmSrXskASQo9bYjswJxd"
    "jy2S8mjFHBhVhDYjtxK6WzZh1g2utMGrwRqTaIZrgGiGqUkCnEX3groIT8gnNFcg90SPID"
    "HyWNB6+tAi2YWzhfcWH1Ti3cUbI+77Fu2bs/Z5V8tbaNeAaizkV1Ngk/vL09hGi+bmBu2W"
    "LbFloc3sLwl0RS9A//byUnssZm1fkkgKackcFinGWBZTSCxW6En+aEAQsOkEE0CJCjyb6B"
    "4b6FeAOQMuGgsry/KpIBmu5mIoAEhMMKauo4qPoYPtnJj3Gut9mlH6Gl+FXHQvqlWG97dK"
    "VNPtbe+8AtfkedjckzIvw4Vov409Ykg1AdWS/Dj8/aVCX0v2ScWFHPjmedzwVq++nHsK9K"
    "yvxkHlS9cwiL5+NiqAI1gFSpqHSaHNWYjvt9g8zBjcYskmOURA8ShOSq00erdsl00O3oNS"
    "J0AOlpwAOcieAMFT6b6L2Z8TvyqGOilVP6gb1rphrdfBWtuQcX1FTjMt22h+lzTfxCsKtb"
    "4jWi7FZ8dcoIpqTko2UYtd0LJYrlieob/Ms0pL1s9YOmiVMUtbxVZpK2MsNVGiJpCxtYg2"
    "gYwmkLGdwJYJZLwO065GdA7NHo70Yo49nFJlDmhOkSt2WTCzKJhR944BTAAML3idKkKczo"
    "Tm38oTltB0JGfuqt+SNco7o7mGGsuQ6knFic9qfHpzdPOZRzeRA7Fdxa5bCNTuwGbrqAz3"
    "JUoV3zM7yrBfY9GwXvUyX0KohsGIF7nRN7UqXi5bCDSOydOOiUvtAnC7xHMydkjSFQxkN3"
    "iDr/1HVyx91bDWBp/73etToL7+Je3zq17/FKgv8SQrFE+LeitqZP+4hEb2065+pBGZldTI"
    "KjdXmxurzY3VbYsPhTd7KsfuM4L1W8dbR0elTJKjJSbJUSbwyXThTeD7nHHdoWKphqTApI"
    "7LpbAeCcGXGtyhRbhZqrYzGFwmWNpOb5gC+faq0xWLtsJeFMK+v5kln5oIaPFwr28czJua"
    "K2o9KdlofVu0nhMxyVyINpFaI1fUfFa6CY9tj7KbSz2vFFxomPBNMeHNP4U0/xSyG3+F0U"
    "YuNiwtJ7IS5LxdFluBUZmnoivFMDR/Q7FdsYx75IYzqCyHEBOpI8/+EvSBnFQVEA6K1xDd"
    "/VJRjP0lUYz9bBRDtMhzT///eTPoF9mTC5G0t4ANDv4DNma7aFQuAVeCkfARQkzfXLX/Sc"
    "N9djnopI1/WUEnz+jc5CGBx/8BhVXM+w=="
)
