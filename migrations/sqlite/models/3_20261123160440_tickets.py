from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ticket_counter" (
    "company_id" INT NOT NULL PRIMARY KEY,
    "last_number" INT NOT NULL
) /* The last ticket number of a company (also: its tickets were set up, stages included). */;
        CREATE TABLE IF NOT EXISTS "customer" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(32),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "representative_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
) /* A customer of a company, looked after by one of its users (the representative). */;
CREATE INDEX IF NOT EXISTS "idx_customer_company_776cb9" ON "customer" ("company_id", "representative_id");
CREATE INDEX IF NOT EXISTS "idx_customer_company_a91cca" ON "customer" ("company_id", "name");
        CREATE TABLE IF NOT EXISTS "contact_person" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(32),
    "title" VARCHAR(200),
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE
) /* A person at a customer whom the company deals with. */;
CREATE INDEX IF NOT EXISTS "idx_contact_per_company_c70760" ON "contact_person" ("company_id", "customer_id");
        CREATE TABLE IF NOT EXISTS "service_package" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "monthly_fee" VARCHAR(40) NOT NULL,
    "annual_fee" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "transaction_quota" INT NOT NULL,
    "features" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_service_pac_company_2e4dd0" UNIQUE ("company_id", "name")
) /* What a company sells its customers: fees and how many transactions they include. */;
        CREATE TABLE IF NOT EXISTS "contract" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "fee" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "billing_period" VARCHAR(16) NOT NULL /* MONTHLY: MONTHLY\nANNUAL: ANNUAL */,
    "cancelled_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
    "package_id" INT REFERENCES "service_package" ("id") ON DELETE SET NULL
) /* A customer's contract for a period; its status follows from the dates unless cancelled. */;
CREATE INDEX IF NOT EXISTS "idx_contract_company_96fd60" ON "contract" ("company_id", "ends_on", "customer_id");
CREATE INDEX IF NOT EXISTS "idx_contract_company_076739" ON "contract" ("company_id", "customer_id");
        CREATE TABLE IF NOT EXISTS "contract_payment" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "amount" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "paid_at" TIMESTAMP NOT NULL,
    "note" VARCHAR(500),
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "contract_id" INT NOT NULL REFERENCES "contract" ("id") ON DELETE CASCADE,
    "recorded_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
) /* A payment a customer made for a contract. */;
CREATE INDEX IF NOT EXISTS "idx_contract_pa_company_8fb48f" ON "contract_payment" ("company_id", "contract_id", "paid_at");
        CREATE TABLE IF NOT EXISTS "custom_field" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* TEXT: TEXT\nNUMBER: NUMBER\nDATE: DATE\nBOOLEAN: BOOLEAN\nCHOICE: CHOICE */,
    "required" INT NOT NULL,
    "choices" JSON NOT NULL,
    "position" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_custom_fiel_company_a4a970" UNIQUE ("company_id", "key")
) /* A field the company's admins defined for its tickets' parameters. */;
        CREATE TABLE IF NOT EXISTS "stage" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "position" INT NOT NULL,
    "kind" VARCHAR(8) NOT NULL /* OPEN: OPEN\nCLOSED: CLOSED */,
    "created_at" TIMESTAMP NOT NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE
) /* A step of the company's ticket process; CLOSED stages end a ticket. */;
CREATE INDEX IF NOT EXISTS "idx_stage_company_3433aa" ON "stage" ("company_id", "position");
        CREATE TABLE IF NOT EXISTS "ticket" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" INT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "source" VARCHAR(16) NOT NULL /* WEB_SITE: WEB_SITE\nEMAIL: EMAIL\nPHONE: PHONE\nWHATSAPP: WHATSAPP\nCHAT: CHAT\nCHATBOT: CHATBOT\nMANUAL: MANUAL\nAPI: API */,
    "importance" VARCHAR(8) NOT NULL /* LOW: LOW\nNORMAL: NORMAL\nHIGH: HIGH\nURGENT: URGENT */,
    "parameters" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "closed_at" TIMESTAMP,
    "assignee_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "company_id" INT NOT NULL REFERENCES "company" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "requester_id" INT REFERENCES "contact_person" ("id") ON DELETE SET NULL,
    "stage_id" INT NOT NULL REFERENCES "stage" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_ticket_company_c6c8e7" UNIQUE ("company_id", "number")
) /* A support record of a customer, moving through the company's stages. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_company_7001ad" ON "ticket" ("company_id", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_7aa938" ON "ticket" ("company_id", "stage_id", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_e568a1" ON "ticket" ("company_id", "assignee_id", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_4c968d" ON "ticket" ("company_id", "customer_id", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_7e0624" ON "ticket" ("company_id", "importance", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_f83ecb" ON "ticket" ("company_id", "source", "id");
CREATE INDEX IF NOT EXISTS "idx_ticket_company_ebb8db" ON "ticket" ("company_id", "closed_at", "id");
        CREATE TABLE IF NOT EXISTS "document" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "company_id" INT NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "stored_name" VARCHAR(64) NOT NULL UNIQUE,
    "content_type" VARCHAR(100) NOT NULL,
    "size" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE,
    "uploaded_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
) /* A file attached to a ticket; stored under a random name in FRONTDESK_STORAGE_DIR. */;
CREATE INDEX IF NOT EXISTS "idx_document_ticket__46558b" ON "document" ("ticket_id", "created_at");
        CREATE TABLE IF NOT EXISTS "ticket_contact" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "contact_id" INT NOT NULL REFERENCES "contact_person" ("id") ON DELETE CASCADE,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_ticket_cont_ticket__91f8fe" UNIQUE ("ticket_id", "contact_id")
) /* A contact person involved in a ticket. */;
        CREATE TABLE IF NOT EXISTS "ticket_link" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "kind" VARCHAR(8) NOT NULL /* TICKET: TICKET\nCHAT: CHAT\nURL: URL */,
    "target" VARCHAR(2000) NOT NULL,
    "label" VARCHAR(200),
    "created_at" TIMESTAMP NOT NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE
) /* A ticket's link to another ticket, a chat, or a web address. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_link_ticket__a52228" ON "ticket_link" ("ticket_id", "id");
        CREATE TABLE IF NOT EXISTS "ticket_log_entry" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "changes" JSON NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "actor_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE
) /* One change to a ticket or what hangs on it: who, when, and each field before and after. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_log__ticket__fac487" ON "ticket_log_entry" ("ticket_id", "id");
        CREATE TABLE IF NOT EXISTS "ticket_note" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "author_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE
) /* An internal comment on a ticket. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_note_ticket__1f9144" ON "ticket_note" ("ticket_id", "id");
        CREATE TABLE IF NOT EXISTS "ticket_parameter" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "value" VARCHAR(255) NOT NULL,
    "field_id" INT NOT NULL REFERENCES "custom_field" ("id") ON DELETE CASCADE,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_ticket_para_ticket__a13155" UNIQUE ("ticket_id", "field_id")
) /* One custom-field value of a ticket, in canonical text form: what filters look up. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_para_company_ad4725" ON "ticket_parameter" ("company_id", "field_id", "value", "ticket_id");
        CREATE TABLE IF NOT EXISTS "ticket_search_term" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "term" VARCHAR(64) NOT NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE
) /* A word of a ticket's title or description (case-folded): what text search looks up. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_sear_company_bbb2cb" ON "ticket_search_term" ("company_id", "term", "ticket_id");
CREATE INDEX IF NOT EXISTS "idx_ticket_sear_ticket__6357b8" ON "ticket_search_term" ("ticket_id");
        CREATE TABLE IF NOT EXISTS "ticket_task" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "company_id" INT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "due_at" TIMESTAMP,
    "done" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "assignee_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "ticket_id" INT NOT NULL REFERENCES "ticket" ("id") ON DELETE CASCADE
) /* Something to do for a ticket, by someone, maybe by a date. */;
CREATE INDEX IF NOT EXISTS "idx_ticket_task_ticket__92a1f1" ON "ticket_task" ("ticket_id", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ticket_link";
        DROP TABLE IF EXISTS "ticket_parameter";
        DROP TABLE IF EXISTS "ticket_note";
        DROP TABLE IF EXISTS "ticket_task";
        DROP TABLE IF EXISTS "ticket_log_entry";
        DROP TABLE IF EXISTS "ticket_contact";
        DROP TABLE IF EXISTS "ticket_counter";
        DROP TABLE IF EXISTS "customer";
        DROP TABLE IF EXISTS "service_package";
        DROP TABLE IF EXISTS "custom_field";
        DROP TABLE IF EXISTS "document";
        DROP TABLE IF EXISTS "stage";
        DROP TABLE IF EXISTS "contract";
        DROP TABLE IF EXISTS "ticket_search_term";
        DROP TABLE IF EXISTS "ticket";
        DROP TABLE IF EXISTS "contract_payment";
        DROP TABLE IF EXISTS "contact_person";"""


MODELS_STATE = (
    "eJztXe9z2jrW/lc0fLnpDLfTJE1vl+7sDCS04ZZABkjbu5cdr8Ei+I2RubacNLvb//2V/A"
    "vZlsEmBox7vmCwdWTzSJbOeXTO0X9rC1PDhv360lwsVfJca6D/1oi6wOxL/FId1dTlcnWB"
    "n6DqxHDLToVCE5ta6pSy0zPVsDE7pWF7aulLqpuEF24iiolKaAPhR2w9o4lj6wTbNrLMJz"
    "TBhknubURNhL+zaoxnZBKM/Bu85nfQzCm7hU7ui6jMIfpfDlaoeY/pHFusyj//xU7rRMPf"
    "sR38XD4oMx0bWgQgXeMVuOcV+rx0z3UI/egW5M85Uaam4SzIqvDymc5NEpbWCeVn7zHBlk"
    "oxr55aDoeMOIbhgxug6D3pqoj3iIKMhmeqY3DgubT3AKtzNUXp9UfKsD1SlFqiUQIJAVr/"
    "1NQkvEHZo9ruv7/nj/Dr2enb396+P3/39j0r4j5meOa3H96tV8B4gi48vVHth3tdpapXws"
    "V4Bap7TMB6OVctOa5B+Riy7JHjyAY4roM2OLHCdtWH9wHuQv2uGJjc0zlH9M2bNVB+aQ4u"
    "r5uDE1bqFb+lyV4672Xs+ZfOvGsc7xW+/jMrhkruHfU+F9Yy2f3hXsOkthfc32dA/X0q5u"
    "/jiFN9gf/Dhp08SIsye0T4bnS5H4jfvc2A8bu3qSDzS1GUpxbmaCgqTeJ8xa5wROVYRyVj"
    "aGu+6OvgyzGOKuwPan1iPPtTxRroR52b9nDUvLnlt1vY9l+Gi19z1OZXztyzz7GzJ+9izR"
    "RWgr52RteI/0T/7PfaLrymTe8t946rcqN/1vgzqQ41FWI+KaomzGrB2QC1H3w+nj0Ikwc/"
    "MVGnD0+qpSmRK8JcTR51qnLk7GT/aPnCHz8PsOEWkvQEXx3qhBUdYU/4EfT94OyqR6ygsp"
    "n29HKchl4tVQXJsbH1QoTuWBVVhWfJXnFMpviFEN361VQdJoVdx9ajahSEV8evrqq4TR2b"
    "mosXv4GXfjVVgolPhuaZmTY9Ji8tzhbxMyphyr3m35vfKTn3SYiC6MyYzhXo0XIZ6AKmCP"
    "/KdS9mxz9ggp50OkdPc306RypBbnVYQ3xERjamNprrNlqqtv1kWpqMMHhpdUAZlIsycJtR"
    "mav2PJeJFZEqxsg6LMxgYYGFVYiFJbY6/r7UWW1btHpUsoKtfiStHGCytpnZdLfNmy2IFd"
    "DAfn+E9i2+ff0lDyWXAhIV2qyIHME7W4wuEuOV2DswyQltQm4rdEv2whQNLtfB88EqSEB3"
    "9RFN8KVRgJPofjQtrN+Tz/jZBbnDnkj1SZifgslipy31KbTexE7F/jv7x5h6tkVzeNm8at"
    "dkA20BqAoL7xUFNjq/bMZ2NWjur9OWbIjNCm1ifomgy54C9e663dqP9LWTXRJJweKAhEUS"
    "1g3SKSRbKLSRP+oTjAzzXifIJK77h4Yf9Sn+gHRqIwvPmJY196gg7jRCWVdAKtHQzLQWbv"
    "GZutANiedJgfVuZpT+FEchCz+yal3F+1+5qKa7u85VDq7JcXTtNZfZDRdS+/vMIVPeTMi9"
    "E/94+49dLUCvmSddLuTcU89Fxdv96+u5J7+dle04KLl0BV1ZimejfDj8USCjehgV2p+G+K"
    "bE6mFC4WZDNpEQAem9OCq1Ve8t2Swb7bznmfywztf4YZ0n/bD0JTff2dsvWcNKhzoqVT2o"
    "gbUG1roI1tpQbapsyWnGZaHlj6nlYb0itdWPpJUz8dmCCZSzmaOSsGpxDK3Mhitbpuivs6"
    "ziktVTls7PsqilZ+la6VlCWYJVIljIKC2isJABCxnlBDbLQsZhmHa3R0to9qCnp3PswSuV"
    "xUFziS02y6KnuYmeTOvBRjpBahBm2XAJcfOJtXyde1iq2oJz5pb7nbNGMh/NAmrMQqpHG4"
    "595uPTwXXzha6beKHqRh69LhSonMPm2UUW7ouVSo/2vEiwXzN2YyVvSG1EqIKLETuJq13O"
    "c4Z4hgJgmGw2TCzTSAG3TZxFQg+JmoK+7B7jaJuf2mzoy4d1rf+11x40kHsYk+bVTafXQO"
    "6B/eIVsl9hvTlb5PRdhhY5jZv6qxbhl6Itsk38OMSNQ9x42daHgsie3Gv3CcHqjeNnFxeZ"
    "VJKLNSrJRWLh01aYNaE/Svp1y2RDtUpSVGpRLob1hAnuqnMHGuF+qdpWv9+NsLStzigG8t"
    "1Nq80GbRd7Vkj37M0k+QQroOndvbrrYM5S27LVo5LQ6mVpdcmKSSIwWsPuGLllyyelYXms"
    "PI0NQT0HWlwAJnxfTDjk64F8PZBppUy4sT/LTC5Lf2kmnyuvnioNfTGceOzHi0HilVQVIm"
    "JSfaZPixjUe0JVPwNcChu+ZtgqIKOWiNxtWGmVMMy1mi6ZIGweqZUOcp/gkck+Ck1eVk4b"
    "SY5tDueDEAGJA4KITroTwlIslSnSj6d9XmLLzd/UQE9zlaI5RtO5yQV4/J17imJ1sWDtYS"
    "MbY3TS//ix2+m1kcluxYvrNro3CX4lD/or/hb5XRXsuflEaqzQnzULU8ci9vpowBJ4oFXa"
    "kcFt/RQP1c1LlCvpPS7a+D0y9zJlj0s1kHcck9bd8I8G4p/se1sZdD5dj5RW8/IzOyn+HB"
    "P/hkxUuPPBFzKD14eaWy8wR2oo8TJQZdtumygAURJozjLTnN5ct+XLGQrDyLrvt9OFXrF1"
    "v1nyvJ4x0QouQlXpBYV1CFiHqNQ6RJJD2BRqEtACOw40OagNVViYSXHhDQkafg3TIFL1mx"
    "mHcKEgG/XQRDbrb0hzOIJBNmkvifSTaiN3PnOz/nB6ybE/oH9j1oZ8mf3fnArgf4tnBkKU"
    "MwmOZWFCeXFZaMTubpSfhhCamt3P8h0HXFpCuBQ8Qc7oipZ+/7MEWPzt7Oz8/LezN+fv3l"
    "+8/e23i/dvwrkjeWndJNLqfOr0Yp5im9kLr69srWKH0mUOFqieer164fJq1xFJUK5LrVyH"
    "g2fORhblgN8ocwuD+QRR9+VFFKLuIeq+nMCWN+o+9HaSmKOiJ1S6GRrx/tBEkY2m6IhZdq"
    "ZDJ+b3hmsIilXxnZD92vhXftk1Hf0MttO5SghmTfJk6ZRivhsSNxQTRmjxtxgT9q+IrXrp"
    "YM2ZZ5+ysveYfVUpmqo8JRvSqbfEPjVUprdoaOLt6KzpzCqmU2a0IlZWRa52k9WkXdkvBH"
    "+nTGWieLGkoSG7umxg1caKkCfMvR5bmA9L82wC/Lon5aZ4BQO4pAaw3yu3tYAF8VKbwO2b"
    "ZqfbQO5hTDo9pXl720DecUxu+q1Ot63c3g2vG0j4UQ5z94FhIW8f+QsSlC9zg2R/S3YcX2"
    "87k//DUyrVltMhjkqV2PFhS5x3EW1sqQsJ0fb7sN9LCzMOJOJGvD6l6H/I0O2dWSZCgvaJ"
    "oxtUJ/ZrfttD5GjnCEUM+gDmk5vmt3gLXHb7rbilzitoJSm0I+M9a7ft3lWn9ylnCwRiDe"
    "R/GZNhcGYYnLlqdztf2oP2VQOFX8fkI5sr+CnvWI65wFfRJC2Xqi+JIpD4PU6VxBXfBK7r"
    "uUaJOLDKpeYcRaMkx4wfE6velF+8apUwGnO+WzJ54PNL/W7xBPLYskwJObouOZIoVb036y"
    "JT1rWLNVnXLpJZ13yiKWVPsHSw43LVgxt20tgn9MeZUSRLHpnVm7JNPpGoLExbZZ62YBka"
    "lqHLiyj4RR9ky1VY4i/e43mPy9BuPgnpInSQaSJ9CVpblcng/rwwJ7qB0YlpoSc8eYWWTr"
    "D7KV/N9TyUZd7MmeW2d06GnO57DYVeGirlm9xuS6uL8mVevKs1e1eDfueqgfwvY9LpDxuI"
    "fYzJ13argdhHOfjy3Dzfyxi+kvX3KA1xmoXhY6XSaYjT5L5JYBr/hKaxy9jZGJNtN5kUZK"
    "Hly9LyEls5kZsJTGUwlcuLKJjKYCqXFtWSmsqRjIISgzmecTCb53Y245nnFMOEWs8ri/cX"
    "vuHZr+wmaIaxJk9DtlnkRfG8gfuycIpP6BDGW14vZvyIiUQTzWZ2h8Kltrl77a8KU9+GzU"
    "/tBhJ+jAn/wQy0kXeafxuTL51hZ9QfKM3BoPOFO7HFTnhSo87l57Yv530fk6vOoH05Wt0q"
    "+ntMeP1KczjsfOq1r5RRn11pIMnJMfFqTJSVnmb13g1H/Zv2QLkctJmiyx45foaV6fdGgy"
    "Z7mva3287A9eFLnOLe3V/6ncu20hkO73g90d9jctv846bdGymBf1/095jcDdk9f+93evyi"
    "8MP77y3WRtfN3lX/C9+zKn5mTL6yM8Pm7e0KwfgZoUyr2W322KN1+1+FcsLZMRm02RN8aY"
    "46/d4KGsnJWEleQbebKBuc3oadKd5DiOo0bXezFHYmECjzq7olP7OTzfkmpibReUf4e8q0"
    "FJSvBL7r7O72t1HE5E44VYdmd7ff+xQUj3taQyzBIfxxgqhAKdDrlK6Y4FZ2cxzrn0b7At"
    "K3utRfFtI3sIFyNrkgBl5Q5WF2wQsKqN1jQhSoXaB2S4vqEVC7wpYnG0je6OYoGRN1LKNC"
    "GdymfOYWf18a+lSnfBcJfYrdDI08r4VLysVSZ3xArGJ+eoFVYruJMvwml/lXFX8DCasczf"
    "YYEIlBVoR/bSCdPQHw0tqrlxZwxcAVA1d8dFwxJKopfaIaTDhYMk5u3fb2gtQeN7c/DClQ"
    "5Ob2YK6DuV5aRMFcB3O9tKiW1FxvLnXWRDWJee5fqa8zx9WlrjzgjJkym8jvWcxAZkKuUc"
    "y3fbi3vE1q0QnDGdu0zc2dVx+YjWw8I53aaHjd/PXs4h3fUOEBL6V2d4E153fjgqCnfZvT"
    "7lGqlMtxDcqXWQvfcqX7NJMHx+kaD47TpAcHZ9b073kQXklUEePi02viZ2Wu2vM8EIsylQ"
    "sUgwQq4DBQWJQYz129bZSYIAuuA2V2HbDwo/mwVTtHJaGVy9zKwDjthnEK5rhJXmjjcoX4"
    "M1YAXCCfDkI+rfrj/iiokvXezNDGX90IuuwpUO+u2z0UEXVpEqpO6S22bHlMYLRAfR0tNf"
    "WKKstV2QzslFfa29Fk6tjUXPBdPufmwtsdxeuYSMNMHj3pdC7jobaqIz/jFFQN+XaAeqpY"
    "8BBeqHrKgnvKUm4gUL0olrOLLKwIK5UO8EVyUwwGUq4eHApUD+Cjjy4sNbo7GR+A1ktHv7"
    "q0HtAAO6IBBEUyB7BRKUAWOICDcgB+dywCXKGqqqIbfXnL5IzCTXzfSpea/+61+ibLPyyV"
    "xSPFB+MXGwWirveIyi153dQ+uG4i3tZj7IJhmE/saPn2PNcVbOQQA9tMnvcsw5DlD9rhff"
    "JzB5hotuKxIhEaIbm5KrAMO56H01kG1hMsGjRTUsmVgxsRWqffHu/oJkOT66cJp3AtL3iC"
    "yE8N3QxLzNcrPNUXqiFHzpeIo+aJvPZFK4Zb+7Jz0+yenJ7Vz2JO84FZ+zZpuToWD1bMtX"
    "OSKFNBBvE8C/2Szr4kEg/phsFurnhzqhznzVE7yVrKjHztpt8bXXf/4KE57pcxafZ6d80u"
    "T5TOj3Ft5DAOb6HWsg1xE5MFj41Se2wAQQcEHRB0QNCVHNmlOn1Q73E+YKNC4PsEvCfwns"
    "eCbhbeUzJAFIDuEFt8c6/bVYXHNUZkhTg6OuZ2LxOhf15gfvME9i1f8uPnATbCrO9pI4bH"
    "tN56tVWob//YBwsfwLaGjBeQ3czJK0uhdBZ/PK+46Em3UDXs8+ZBrVIvvOySW/jeBX/H1w"
    "FUfYss/UCQv5AgVxemI8uotJapXAkBWQlk5YHJymDgSHbhtSSJIFZBhuRIGJFMRBgxaT5P"
    "Yb989RwBLzI5Al6scQS8AEdA4BlrwDPujmeMarWZgY3qwoBsElkLT01L2yLUMikIfCPwjY"
    "fkGwXnuheDu6qqsuhGxsbN8ArvewEIVzuWNTk2liuYNaDTZdyZQLWvIc3EUjkcWb0dKv03"
    "u44Mk2e6QOqMskuTZzfvOCvBnU15QjobnXD/UgsvmYaGCVWp/ohfrXNgLaz+/MRbtJYUn1"
    "UXbODiICR2b+BCSOxeAYaQ2GMLiQWiJh366hI1zlLbstWjktDqZWl1CentPz3Qc7snkeK6"
    "b3Z4pbJAJQGVdEAqKdonge7YSHdIXuEX+Ff5CbIK8K+KZOSqSOeWkp4F+aJVFSaqTx/wS0"
    "EauZVUCaJdkowxr1IJ1Zj0O00nHG2vrCJ4vW7mHb/OvUx3fl47GxuG7ZJ/AV1oM1GMbaQS"
    "Dc3NJ7TgxVilxGb1ulsz0Dl+RjqZGo6Gk8TjLm4g3VExjUUU+EggFYFUrA6puGAT0tx4Vv"
    "LHe8ckwZUSi82QdKVUCXFUYwugo4KA8wacwWV11y6rwryq/OWYVM0x70llgeuRcD0zrFKH"
    "U3IJcH8f9ntydEWZ+EChTyn6HzJ0e2fg1v4+c4jbtGji6AbVif2a3+8ftf0PHRyjCFka9O"
    "eTm+a3eFe/7PZbcRaUV9CCJYyKk9ngawo8a4kgLpJnPaTL08eEcSy5XN/s+OT/43o25ye3"
    "sJhh/xcbqdqCTUOItZROsOZtCUlt5PNUv6ClarEnpNiyZe5OBdSYgWbgW2cCy3BIlsHfvD"
    "SrueAXr6ClUPz+e+x/41xeS6FABeHdCYXzwP6aHODNSc4C2TJjXRu1v40aiH+OibdHfQN5"
    "xzHhCmID8c8x4Tvct5u9BvK/jMnldb9zya57x/gAn6XFik+BZuG/HN3CkiZrmaaBVZK2fL"
    "8Si7XWhMntqrnCM/s133gLRsyDVmcUg9jtACenMV5IEtI0N/VpPjNaEAErunArml3XgwXA"
    "jHqMKLI/W+pNqbUZoCWAlgBaAmgJoCUy0BJX5tRJy2IUXquvIyQ0sVQmMsLASKVUnc6xhq"
    "iJVJ8i+IBsyrqOhhzWmDwRkaUSzVwg/lRIJ+jjoN8bXbWHn5XhqD9ofmorV52BnJwo/A5Z"
    "orG8ewRZkFYTSL5oq7u7zlUOzsJxdO01l9nm7dlMXQg6l3sn/vH2EAqXtxTnzSrifOH+9f"
    "UcBswHO1qHY69ZXi8UUabMpvW2NMbFRaboq4s10VcXcbvYG7OUvFDHxIpB+7Bk544ZOe7K"
    "yiYyD6McSMflKtixTzPxc6dr+LnTJD9n6/+R4Jw6JAfFYTAGUzcX1NU1dSMqZ1ZHI1EG3i"
    "XJu+QsDVPdJiNRUhDCyDbyCDQManghjVC56Ih6jEWIvLmbY8iE3lgAutUOIEu+uaXKlzOk"
    "aREsdHPgCs0crtJENsVLnqAm6tnhdTy0tMwptu0P6LLbH7avkFuzjTDRQoZFRscUUmf+dD"
    "jh0ghku4HAlL2Bu3ur6WhWCUvfh38iT5H+bbvXQPxzTLyRtuGPuPEBO0u/fp+hV79P7dPv"
    "IQEO2K5Ay8MybemsgJct00Kw/wGD/X20JCbSCsd0G2nFQWQykpzl0rQo8pKs+hk//Xj7Ol"
    "qYjwwdZu1YpnM/j1k9nnkjtZIKqTRL7L6zmLArcb/6eDF5+lD3VmtLqLbNRhW8vlBsrzF5"
    "IX3BAQnGpJTnMR1r3fWpYdqhfsCLgC24V1vQ62vZgV0JwNwusVOoTo1cxnUoUGbrpEwxA+"
    "KTJXAe4e8p/TYmVgm019ka7W+jiJmRcH8OTY1uv/cpKB73iY4tB4dj+TZm+Eq6zODXvrZb"
    "yrDDQzOCb2PSvml2ug3kHsbk9prZWw3kHsbk63VzNGze3rLy/jcevNEc8dCN5sj73ur7P9"
    "mXMblpervbe8cxad52Goh9bGPoFx/kEZ3Ut2noaA2lbuxu/2sDsY8x6fUHN7xRvOOYXHc+"
    "XTcQ/xyTu8Gndo+1oHcsAR+zCtRMtlF6bEhUqhzhIfy2lQkPAZos/XWoLk0GeaKr1uoBRm"
    "vzRIt2a65XXRQsoM3LuZ5/hE2cfLNjTElGCzkmBQ5Gsr36YGVhJ7j6akRet7iEHHRaCbhR"
    "SjQrtFEp6LbSvQHY37JpXmjjYtBpk9CKywFZvfgFEeiusH677/Vb2ZhbBLhCVVVFNzrXRO"
    "AdMG140Lkc1ZLDQwHghl6uFUVWHBMzwBqYAAUgW22v7pitlOLSLdUVChlv823/caQgx/Wk"
    "DCivDALowpsG3bjtVKq4BM+3xu/otVTnm6BAfbMPjjIVymbZ19crjpbuW4Z08mgaj1jj2R"
    "zWxSRkFZP600QTPXg1KYFzCaSqPJCvCbA+u2LTwg6eB1dRCHCV+vJA7C4El5ZG0cgZXCpM"
    "03tWk48V4OiQWKYcYIGS5hDqqjipWpxXIJsWtyq7UYsbzTEyVJsGMaGeE6jvAu3vbHbCRM"
    "2GmFAcPWELI5uVd5b1IG7U38dMe5VU+nZ2l82hqamKYGl0lkprhrzVldyuyDEpyK4qnWoP"
    "OWJ1dfKQPly5V7OMVUZQMIO56Yn8YiMu5KYWJCZ/6f0LdT6WzFV2NHl6wSc8QaqmWdiWhn"
    "y8rLLcKQkh/AFM0uNV8n+qcO1R5/Jzm6f2d49Rj++7QZf7CnfjA8oBHIWpat3LrKs18Sih"
    "RJnx3z4gJWNEytqQlERMyp53CikZU76HoB/wrE5H/zh9bCF5HhBwJQG4QALuoMaWed8m1H"
    "qupRtcQYl6FqPLvFdwWHqj5dUnmNtC5B6L+dy5YfTELCTEr9iIL+TRBjtj1tkHJnV313us"
    "Tuf+fnUTPGPdzj2rzii2kkbZDu8D9lopxqo62Gt7t9e8ba3zaLAriQraCednGVTY87P0fc"
    "fPEgqsO2Tl3MorFIFYzYjGWkSsZn5LorIWxJFYDNlCtqbUzBlGIIpACAG4QYAVduxWWGJA"
    "KADXajuximNgCf1Xe6b7NClmrXu1nsGkJUHBzeuI3OOU2YVENbjrAd89jRuVaxxWMwiAfV"
    "mKUbgO9uXedYiJqUkiCdKzdQXlK2FbrtOvd5GmCxZL0vt1dRdL2MV5btNHlAHbB2wfsH1K"
    "rabntX3c1xuMn03GjzgKltD6uQ3y9tVSTaBVkXoGO2gZKZ1tac8NLf/VWz17VA0He37ZgS"
    "OkTtBUJSbRp8wAokyvQzPTWjS8RbmZbvCsg8gwzQfkLFMW9Yq+w+bIQO+tkMQFxpNUhwXZ"
    "d/fRXFTDqsBIAyPtSKdlcboIe3bWNcBQoBJm2h42ihbHkYz9VhSBXgsqOqjo5VYmc6ros6"
    "B/vhBXL7tR2NsrCq44GJbPAW+IVWs6H2FrUUtV1IUyWTR12y2u0KB8hgCop3BzmjB6yd1j"
    "grvICYXRyVS18a8z0+Bhkr4a7arV3j1dVdqWaus7ukf+DUQDWARNnG8wA4o5KOZHPxlHVB"
    "y/n2fVy4PyFVTL373NoJW/e5uqlPNLoD+C/lhaFafkQQYj1V4T0e1ezaLX0KDgRoVmaC6Y"
    "OuBurWcizeSkn0AKTp6RzQqYhEku1OcJ5mdUxFcok3rLy6oC741SDDKgf8CmdoclBneyqR"
    "0bWfK7a6ykYB+RMjula2xSSbZtyzQNrJKUpvVFYg07YTK7eoPCM/ttzVa/3400ZKsT93G6"
    "u2m1ByenbguyQrqnD6VvfwGOTz+V4xPs0gMrK+VGFSzjAzg/QQ7+bLhmy8F/GNKhiS19Oq"
    "9JCAf/Sn0d2aCuymziGdJRfUHySDDyd2DkP2LLzhmrLohU0SDdhacKf6lyIOwXryC6p5nM"
    "/dM15v6pJJ2VSSgmkll/TTaAlcj+swEcxs4vLO4/oX7tczL78f9YjhiH"
)
