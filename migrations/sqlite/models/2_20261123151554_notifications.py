from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "notification_delivery" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(16) NOT NULL /* EMAIL: EMAIL\nIN_APP: IN_APP\nMOBILE_PUSH: MOBILE_PUSH */,
    "kind" VARCHAR(32) NOT NULL,
    "subject_id" VARCHAR(64),
    "params" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nSENDING: SENDING\nDELIVERED: DELIVERED\nFAILED: FAILED */,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMP NOT NULL,
    "lease_token" VARCHAR(32),
    "lease_expires_at" TIMESTAMP,
    "last_error" VARCHAR(500),
    "delivered_by" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "delivered_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* The outbox: one notification to deliver to one user on one channel, written in the */;
CREATE INDEX IF NOT EXISTS "idx_notificatio_status_8c51a7" ON "notification_delivery" ("status", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_status_5f6548" ON "notification_delivery" ("status", "lease_expires_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_company_82228d" ON "notification_delivery" ("company_id", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_notificatio_lease_t_6e1440" ON "notification_delivery" ("lease_token");
        CREATE TABLE IF NOT EXISTS "device" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "platform" VARCHAR(16) NOT NULL /* ANDROID: ANDROID\nIOS: IOS\nWEB: WEB */,
    "token" VARCHAR(512) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "last_seen_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* A mobile (or web) push token of a user. */;
CREATE INDEX IF NOT EXISTS "idx_device_company_b43f1f" ON "device" ("company_id", "user_id");
        CREATE TABLE IF NOT EXISTS "notification" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "event" VARCHAR(32) NOT NULL /* NEW_MESSAGE: NEW_MESSAGE\nNEW_CHAT: NEW_CHAT\nVISITOR_ARRIVED: VISITOR_ARRIVED\nNEW_TICKET: NEW_TICKET\nDIRECT_MESSAGE: DIRECT_MESSAGE\nCHAT_ASSIGNED_TO_ME: CHAT_ASSIGNED_TO_ME\nTICKET_ASSIGNED_TO_ME: TICKET_ASSIGNED_TO_ME\nCUSTOMER_CREATED: CUSTOMER_CREATED\nCONTRACT_EXPIRING: CONTRACT_EXPIRING\nINVOICE_ISSUED: INVOICE_ISSUED\nPAYMENT_FAILED: PAYMENT_FAILED\nUSER_JOINED: USER_JOINED\nCHATBOT_HANDOVER: CHATBOT_HANDOVER\nWHATSAPP_MESSAGE: WHATSAPP_MESSAGE\nWHATSAPP_BALANCE_LOW: WHATSAPP_BALANCE_LOW\nRESERVATION_CREATED: RESERVATION_CREATED\nRESERVATION_CANCELLED: RESERVATION_CANCELLED */,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "subject_id" VARCHAR(64),
    "delivery_id" BIGINT UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "read_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* One entry of a user's in-app feed. */;
CREATE INDEX IF NOT EXISTS "idx_notificatio_company_8702a7" ON "notification" ("company_id", "user_id", "id");
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_9f8ad4" ON "notification" ("user_id", "read_at");
        CREATE TABLE IF NOT EXISTS "notification_preference" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "event" VARCHAR(32) NOT NULL /* NEW_MESSAGE: NEW_MESSAGE\nNEW_CHAT: NEW_CHAT\nVISITOR_ARRIVED: VISITOR_ARRIVED\nNEW_TICKET: NEW_TICKET\nDIRECT_MESSAGE: DIRECT_MESSAGE\nCHAT_ASSIGNED_TO_ME: CHAT_ASSIGNED_TO_ME\nTICKET_ASSIGNED_TO_ME: TICKET_ASSIGNED_TO_ME\nCUSTOMER_CREATED: CUSTOMER_CREATED\nCONTRACT_EXPIRING: CONTRACT_EXPIRING\nINVOICE_ISSUED: INVOICE_ISSUED\nPAYMENT_FAILED: PAYMENT_FAILED\nUSER_JOINED: USER_JOINED\nCHATBOT_HANDOVER: CHATBOT_HANDOVER\nWHATSAPP_MESSAGE: WHATSAPP_MESSAGE\nWHATSAPP_BALANCE_LOW: WHATSAPP_BALANCE_LOW\nRESERVATION_CREATED: RESERVATION_CREATED\nRESERVATION_CANCELLED: RESERVATION_CANCELLED */,
    "channel" VARCHAR(16) NOT NULL /* EMAIL: EMAIL\nIN_APP: IN_APP\nMOBILE_PUSH: MOBILE_PUSH */,
    "enabled" INT NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_user_id_9c459f" UNIQUE ("user_id", "event", "channel")
) /* A user's explicit choice for one event on one channel; absent means the default. */;
CREATE INDEX IF NOT EXISTS "idx_notificatio_company_6615d8" ON "notification_preference" ("company_id", "event");
        CREATE TABLE IF NOT EXISTS "api_key" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
) /* A company's key for integrations (ingestEvent); only its SHA-256 is kept. */;
CREATE INDEX IF NOT EXISTS "idx_api_key_company_865760" ON "api_key" ("company_id", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "notification_delivery";
        DROP TABLE IF EXISTS "device";
        DROP TABLE IF EXISTS "notification_preference";
        DROP TABLE IF EXISTS "api_key";
        DROP TABLE IF EXISTS "notification";"""


MODELS_STATE = (
    "eJztXW1z2joW/isavmw703YaEtIs3dkZE9zUtwQyQNLeWzq+BivgjZG5tgjJ3u1/X0m2sf"
    "wGNjHEcfUFsKwjm+fI1jmPjo7+rs0tHZrOu3NrvtDQY60J/q4hbQ7Jj+ipN6CmLRbBCVqA"
    "tbHJ6k64SmMH29oEk+JbzXQgKdKhM7GNBTYsRCtLAEOkIdwE8B7aj2C8dAwEHQfY1gqMoW"
    "mhqQOwBeADacZ8BBaCwLvAO3oF3ZqQSxhoWkRjS2T8tYQqtqYQz6BNmvz+gxQbSIcP0PEP"
    "F3fqrQFNPQSQodMGWLmKHxesTEH4E6tI73OsTixzOUdB5cUjnlloXdtAmJZOIYK2hiFtHt"
    "tLChlamqYHro+ie6dBFfcWORkd3mpLkwJPpd0bCMpqqtrtDdWBPFTVWkwpvgQHrVc0sRBV"
    "KLlVh/37Kb2Ft/Wjkw8nZ8enJ2ekCrvNdcmHn+6lA2BcQQZPd1j7yc5rWHNrMIwDUNl3DN"
    "bzmWYn4+rXjyBLbjmKrI/jJmj9ggDboA8fAty59qCaEE3xjCL6/v0GKG+k/vlnqf+K1HpN"
    "L2mRh859GLveqbp7juId4Ovds2pqaLrUprmwTpI9HO41iGoHwf0sA+pnqZifRRHHxhz+l7"
    "x28iDNyxwQ4evh+WEgPj3JgPHpSSrI9FQY5YkNKRqqhuM4t8kZimgy1mHJCNq6J/rO//ES"
    "3yrkD+o9ZD56Q8UG6IfKpTwYSpdX9HJzx/nLZPhJQ5meqbPSx0jpq9OImtaNgK/K8DOgh+"
    "CPXldm8FoOntrsikG94R81ek/aElsqslaqpnOjml/qo/aTjse3d9zgQQvG2uRupdm6GjrD"
    "jdXo3sAaRc6J94+WJ/zpSx+arFJCT/DMIWXd0AvsCT/9vu+XBj0igMoh1tPTcRq4rVQVpK"
    "UD7ScidE2aqCo8C/KIQzSBT4Toymum6jCp5Dy07zWzILwUr7kq4Ubf8lbdSnvvx0/N6/No"
    "iYaI1ap716ZXir/UEzzg8Cs/3Qk2wvUy+MHEwntLjQrioN5BBFYGnoHVzJjMgIYAaw7qgL"
    "5qgAOxA2aGAxaa46wsW0/yhJ/anPCFy+ULMzWqM82Z5fIdQlLFeA/PC7NwHYTrUIjrwGsd"
    "PiwM0toOWg9LVlDrL0TLPiYb1UyGu12ebE6sAAV7/VHot3j9ely+mssACQttN0RewDNbjC"
    "0SIUzIMzDOCW1Mbid0S/bAFA0utcHzwcpJiO7qIRojAsMAx9H9ZNnQmKIv8JGBrJA70jx2"
    "4ZegaEixra3W3hvfqch/J/8YYte3kAbnUluuJb1oC0CVm1GuKLDh8WU7tsFL83CdtmSv2K"
    "zQxsaXELrkLkD3utOp/UyfFNgnkeSz3gksEkeIp1NIDldpK3/UQxCY1tRAwEIsrkGH98YE"
    "fgQGdoANb4mVNXOpIBoNgUlXABrSwa1lz1n1W21umAkhFQW2u51R+s6/hWx4T5plhvePXF"
    "TT9bXSzsE1LZeG/o7K7IcLqf3rdokmVE2AXYl+nPx7XzOrG8ZJxoUcu+Y5b3izv76Ze/L0"
    "rO7GQSVLVzBGo3g2yoPDewtkNA/DQoezEN+X2DyMGdzklY0SiID0XhyW2qn3lmyUDXfe40"
    "wBRscbAoyO4wFGxoK67+TpT5jLSoc6LFU9qAVrLVjrIlhrU3OwuiOnGZUVmn9JmhfzFala"
    "fyFazsRncy5QTjWHJcWsxUvQMnldOUmG/ibPKipZPWPpuJ7FLK2nW6X1mLEkZonEREZpER"
    "UTGWIio5zAZpnIeB6mnfXoBJrd7+npHLv/SGUJ0FxAm4yyYDWzwMqy7xxgIKD56webjBC3"
    "VkTzb2iEpabPKWdus9+UNUqK0SygxSykelhx5DMfny5CN58YugnnmmHmsevWApUL2Kw3sn"
    "BfpFb6MsZGjP26JRdW864VDQlVcDJiLwtGF7OcaxfXAsIx2e6Y2JaZAq6MlvOYHRJ2BT3Z"
    "Ay4QlS5k8urLh3Wt97Ur95uAfY2Q1L5Uuk3AvsgRbZAcrdvNqZGj0wwaOYq6+oFG6KmwRn"
    "ZZGC0WRIsF0WWbH/JX9uSeu48JVu89Xm80MpkkjQ0mSSM28emoxJsw7hP6dcsir2oNpZjU"
    "vFwE6zER3Ffn9i3Cw1K1rV6vE2JpW8owAvL1ZUsmL22GPalkuP5mnHwSM6Dp3b2682DLhb"
    "6j1sOSQutl0XrCjElspbQO2TtyR83HpcX0WHmULRb1PNPkgmDCD8WEi0Q0IhGNSCFSJtzI"
    "nyUul208NUVN222nSq++CE507ceTQaKNVBUiZGHj1pgU8VLvck39CnCp5PV1C+0CUkXxyF"
    "2tG60Shrlm0xMGCIeu1EoHuYfg0CIfhWblKqePlIxtjuCDNQIJAQg8OulBCAu+VqaVfjSf"
    "8QLaLH9TE6xmGgYzCCYziwrQ9XesCENtPif6cIADIXjV+/Spo3RlYJFL0eqGA6YWgq+TF/"
    "0Vf4n8oQrOzFqhGqn0vWZDvLSRs3k1YAki0CodyMC0nxKhun2KMpA+4KSN1yNzT1N2qVQT"
    "uN8j1Loe/N4E9JP8ltW+cvF5qLak8y+kkD8cIe+CRJS78rNPZPqPD7Z2nmAOtVDiaaDK6m"
    "6XVQC8pKA5y0xzumPdjg/nWli8WQ/9dDLoVcfw1JLn8YyIVnASqkoPqJiHEPMQlZqHiHMI"
    "25aa+LTAnheaPKsPVdgyk+KWN8Ro+A1MA0/Vb2cc1hMF2agHCTikvwF9SRH0s0m7SaRXmg"
    "PYeMay/lB6ael8BH9CokM6zf4npQLo36KZgQCmTMLStiHCtHrS0oj9XSg/DcGpmlzP9gIH"
    "GC3BnfLvIOfqipYx/VUWWPyzXj8+/lB/f3x61jj58KFx9n49dsRPbRpEWsqF0o1Eim1nL9"
    "y+srOJvZYu82KB6pnXwQOX17oOSQrjutTG9frlmVPJvJzgN8qsYeE+iVX35UVUrLoXq+7L"
    "CWx5V92vo50S3FE+EirdDQ1Ff+i8yFZXdEg8O2uJx9ZDkzmCfFN0i1+vNfqTnmauo5fBdj"
    "LTEIJEJSvbwBjS3ZCooxhzQou/xAiRf4UczU0Ha926/impO4Xkp4bBRKMp2YCB3Sn2iakR"
    "u0UHY3erYt0gXjGeEKcVkLoaYNZNVpc28F8QfMDEZMJwvsBrRzY4bULNgSqXJ4ydj0zMr2"
    "vTbAL0vCvFUrwKB7ikDrDXK3f1gDnxUrvA8qWkdJqAfY2Q0lWlq6smcL9H6LLXUjqyenU9"
    "+NwE3EE53N07gkWyfpIfEL9+mRWS/SnZ8/p6Zzn+D5zgRGs5HeKwVIkDH3bEeR+rjW1tnk"
    "C0/TboddOWGfsSUSfemGDwP2Aazt48Ey5B+3hpmNhAzjt62efI0U4RCjn0PsyvLqVvUQ2c"
    "d3qtqKdOG2jFKbQXxnvWruRuW+le5NSAL9YE3o8RGvglA7+kLXeUG7kvt5tg/XOEPpGxgh"
    "a53+UYCzwTLUFzqfYSLyISv0epkqjhG8N1M9eYIC5Y5VJzjrxTkmPEj4hVb8gv3rSKOY05"
    "n60kecHnl/rZognkoW1bCeTopuRIvFT1nqxGpqxrjQ1Z1xrxrGse0ZSyJ1g62FG56sEtdt"
    "I4JPQvM6NIljwywZOySz6RsKwYtso8bIlpaDENXV5ERVz0s2y5Kqb4i494PuA0NMsnkTgJ"
    "7WeaSJ+C1oM6GcKf59bYMCF4ZdlgBcevwWLp735KZ3PdCOWkaObMcrsHJ4uc7gddCr0wNU"
    "w3ud2VVuflyzx5V5O67X5PaTeB92OElN6gCcjHCH2VW01APsrBl+fm+Z7G8JWsv4dpiKMs"
    "DB+plU5DHMX3TRKu8S/oGjPGzoEQ7brJJCcrNF8WzSf4yrHcTMJVFq5yeREVrrJwlUuLak"
    "ld5VBGwQSHOZpxMFvkdjbnmeYUgwjbj4HH+w+64dlbchFwC6GenIZsu8iT1vP64ctcER3Q"
    "xTLe8kYxw3uIEizRbG73WrjUPndX/qoS820gXchNwB2MED0gDtrQLaa/RuhGGSjDXl+V+n"
    "3lhgaxRQpcqaFy/kX25NzfI9RW+vL5MLhU+HiEaPuqNBgoF125rQ575EwTJBSOkNtirG5i"
    "MWn3ejDsXcp99bwvE0OX3HK0hNTpdYd9idyN/O1K6bMYvlgRje6+6SnnsqoMBte0nfDxCF"
    "1Jv1/K3aHqx/eFj0foekCu+VtP6dKT3IH731tER5+lbrt3Q/esipaM0FdSMpCurgIEoyVc"
    "nZbUkbrk1jq9r1w9rnSE+jK5gxtpqPS6ATQJhZGatIFOJ1bXL96FnSk+QggbOG13sxR2xh"
    "co86O6Iz+zl835xpaeYPMO4UPKsOTXrwS+m/xu+dsw5HLHgqrXbnen173wq0cjrcVagueI"
    "x/FXBSYCvcnoigju5DdHsf5lrC9B+laX+stC+vo+UE6Vc2IiCqo8zK6IghLU7ktCVFC7gt"
    "otLaovgNrltjzZQvKGN0fJmKhjERbKEDblMbfwYWEaEwPTXSSMCWQZGmleC0bKRVJnfASk"
    "YVo8hxpyWKIMT+VJ8VXFXyCBVQ5ne/SJRD8rwo8tpLMrIKK0DhqlJbhiwRULrvjFccUiUU"
    "3pE9VARMFK4uQ2bW/PSR1wc/vnIQWK3NxeuOvCXS8tosJdF+56aVEtqbsuLQyiolqCe+6d"
    "ebPJHdcWhnoHM2bKlIDXs4iDTISYU0y3fZja7ia14BXBGTpYpu7O64/ERzYfgYEdMPgsva"
    "03TumGCndwkeh3F9hy/jAusejp0O40+040ypNx9euX2Qrfcab7KFMEx9GGCI6jeAQHZdaM"
    "hzwIBxJVxLj49JrwUZ1pziwPxLxM5RaKiQQqImCgsFViNHf1rqvEOFkROlDm0AEb3lt3O+"
    "k5LCm0XGYtC8ZpP4yTP8aN80IblSsknrEC4Ary6VnIp6A/Ho6CKlnvzQxt9NENoUvuAnSv"
    "O51nI6KgbUxmtSQiyj3zZiMRFdTZxkOl47qd+REszyFZnntoO96yzqw+MidSQR6i3mhkWa"
    "3TaKSv1qHnItndyUOVA2GvegXR3QuTRq6IE0N/0veg4EQOvwnF87glhW03EbPCDjmY/fw/"
    "2p5uOA=="
)
