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
        DROP TABLE IF EXISTS "contract";
        DROP TABLE IF EXISTS "contract_payment";
        DROP TABLE IF EXISTS "service_package";
        DROP TABLE IF EXISTS "stage";
        DROP TABLE IF EXISTS "ticket_counter";
        DROP TABLE IF EXISTS "custom_field";
        DROP TABLE IF EXISTS "customer";
        DROP TABLE IF EXISTS "ticket_parameter";
        DROP TABLE IF EXISTS "ticket_contact";
        DROP TABLE IF EXISTS "contact_person";
        DROP TABLE IF EXISTS "ticket_task";
        DROP TABLE IF EXISTS "ticket_note";
        DROP TABLE IF EXISTS "ticket_search_term";
        DROP TABLE IF EXISTS "ticket_link";
        DROP TABLE IF EXISTS "ticket_log_entry";
        DROP TABLE IF EXISTS "document";
        DROP TABLE IF EXISTS "ticket";"""


MODELS_STATE = (
    "eJztXWtz4jjW/isqvkymiunqXDsvs7VVkKa72U4glZDt2Z1seQ0WwRUjMb6Eye7b/30l2Q"
    "bZlo1NDBj3+QKJfY5sHt3OeXSO9N/GjBrYct5d0dlcJ6+NFvpvg+gzzP6I32qihj6fr27w"
    "C64+soTsWBIaOa6tj112eaJbDmaXDOyMbXPumpRw4TZyMdGJ20L4BduvaOQ5JsGOg2y6QC"
    "NsUfLkIJci/CcrxnpFlGAUPOAdf4JBx+wRJnkqozCPmH94WHPpE3an2GZF/v4vdtkkBv4T"
    "O+G/82dtYmLLiABkGrwAcV1zX+fiWo+4n4Qgf8+RNqaWNyMr4fmrO6VkKW0Sl199wgTbuo"
    "t58a7tcciIZ1kBuCGK/puuRPxXlHQMPNE9iwPPtf0XWF1raFp/MNTuu0NNayQqJdSQoA0u"
    "jSnhFcpe1RG//om/wi8nx2cfzi5PL84umYh4zeWVD9/9R6+A8RUFPP1h47u4r7u6LyEwXo"
    "EqvhOwXk11W41rKB9Dlr1yHNkQxyxowwsrbFdteBfgzvQ/NQuTJ3fKEX3/PgPKv7fvrr60"
    "746Y1M/8kZR1Or8z9oNbJ/49jvcK3+CdNUsnT57+VAhrle7ucG9g0tgJ7pc5UL9Mxfwyjr"
    "hrzvB/2LBTBGlZZ4cIPwyvdgPxxVkOjC/OUkHmt6Ioj23M0dB0N4nzR3aHI6rGOqoZQ9sI"
    "VN+FfxziqMJ+oDEg1mswVWRAP+zddO+H7Ztb/riZ4/xhCfzawy6/cyKuvsauHl3EqmlZCP"
    "rWG35B/F/0z0G/K+Cljvtkiyeu5Ib/bPB30j2XaoQuNN2QZrXwaojadz4fT56lyYNfGOnj"
    "54VuG1rkjjRXkxfT1TlyTrJ9dALlT1/vsCWEFC0hMId6y4IOsCV8D9t+eHXVIlZQOcx6ej"
    "tO934pdQXJc7D9RoQeWBF1hWfOujgmY/xGiG6DYuoOk8buY/tFt0rCqxcUV1fcxp7j0tmb"
    "e+BVUEydYOKTIT2hadNj8tbsZBa/ohNm3BvBs/mTknOfgiiIzozpXIEZlctBFzBD+Bduez"
    "E//hkTtDDdKVpMzfEU6QSJ4rCB+IiMHOw6aGo6aK47zoLahooweGtxQBlUizIQ1ahNdWda"
    "yMWKaJXjZO0XZvCwwMMqxcOSax3/OTdZaRvUelSzhrV+ILUcYpJZzWy626RnS2olVHDQHq"
    "F+y6/fYMlDK2SARJXWGyIH0GfLsUVivBLrA6OC0Cb0NkK3Yh2mbHC5DV4MVkkDmmuAaIIv"
    "jQKcRPcTtbH5RL7iVwFyj72RHpAwPwSTxS7b+mLpvcmNiv129oux6/sW7fur9sduQzXQlo"
    "CqtPBeU2Cj88t6bFeD5u4abcWG2LzQJuaXCLrsLVD/4fq68T197WSbRFK4OKBgkaR1g3QK"
    "yZGE1vJHA4KRRZ9MgigR4R8GfjHH+Fdkug6y8YRZWVOfCuJBIy5rCkgnBppQeybEJ/rMtB"
    "SRJyWWu55R+l0ehWz8wooVhve/ClFNDw+9jwW4Js8zjXdcZztcSOMvE4+MeTUh8ST+cfbX"
    "bS1AZ8yTggs59c1z2fAWPz2bewrqWduMg1Jr1zCUpXw2KoAjGAVymodRpd1ZiO8rbB4mDG"
    "42ZBMFEZDeiqNaG7Xeis2y0cZ7misO6zQjDus0GYdlzrn7znq/Yg0rHeqoVv2gBtYaWOsy"
    "WGtLd1xtQ04zrgs1f0g1D+sVqbV+ILWci8+WXKCC1RzVhFWLQ6hlNlw5KkM/y7OKa9bPWD"
    "o9yWOWnqRbpScJYwlWiWAho7KIwkIGLGRUE9g8Cxn7YdpFi1bQ7GFLT+fYwy6VJ0Bzjm02"
    "y6LFlKIFtZ8dZBKkh2mWLUGI0wWr+SaPsNSNGefMbfE3Z41UMZollJiHVI9WHPssxqdD6O"
    "YbQzfxTDetInbdUqF2AZsn53m4LyaVnu15nmC/JuzBWtGU2ohSDRcjtpJXO58WTPFcKoBj"
    "st4xsamVAm6XeLOEHRJ1BQPdHebRtj932dBXDOvG4Fu/e9dC4uuRtD/e9PotJL7Yf7xA9t"
    "+y3II1cnyRo0aO467+qkb4rWiNbJI/DnnjkDdetfWhMLOn8Np9QrF+4/jJ+Xkuk+Q8wyQ5"
    "Tyx8OhrzJswXRbvuUDZU6yTFpJb1YliPmOK2GndoEe6Wqu0MBtcRlrbTG8ZAfrjpdNmgLb"
    "BnQqbvbybJJ1gBTW/u9V0H8+bGhrUe1YRar0qtK1ZMEonRBhZj5IY1n9SG5bHqVDYk9exp"
    "cQGY8F0x4bBfD+zXAzut7Bu3QutRCogdnuuQDu+A4CFlH6Vu/1NNK0ONbYHluyUCiiU8GZ"
    "30Zby5LJUrV4ZvnDrHttgBpYUWU91FU4zGU8oVeAaLuORifTZj9eEgB2N0NPj06brX7yLK"
    "HsXFTQc9UYJ/VqfNlP+I4ot9zpQuSIMJ/c78AdeziZOdT1OBGI5aLwWK2k+J8VpP8q+0d0"
    "h7Bi2yMNHf51ot5H8/ks7D/T9aiH+yv7vaXe/zl6HWaV99ZRflfx9J8ECmKj1570sBYfdx"
    "6cZLNJESKkyk1rbuNomjlTWBKKgyUeDPdRt2zqUyjKy77p0Ces0xg2op0j1jqjWkcevUQY"
    "HJAyavVkxekkNYF6wd0gJbDtXeqw9VWqB2eQHCCSIrg2mQya71jMOSastHPbSRw9obMjyO"
    "YLgfq78N60J3kJjPxL4ZnF7ynF/RvzGrQ75Q9W9OBfCfxffWQC5nEjzbxsTl4qrg4u09qD"
    "gNIVU1e54dLL0JWkK6Fb5Bwfjkjvn0o4Qo/9/Jyenph5P3pxeX52cfPpxfvl/OHclbWZNI"
    "p/e514/FWqxnL/y2srGJvdSucrht/czrVYcral1HNMG4rrRxvRw8C1ayrAf8RpVrGNwnyF"
    "utLqKQtwp5q9UEtrp5q1eUuMxdvBVpoA2FTxoVaGYfTipEtflKNn9Oq+7yvNPgoBiejzrz"
    "HT8fOWRgpi+OEMnIYi1WRnEfMixagwRWOK50f9ki20ir3HGCcMVs9B1kCEPe6jbzVl3TTU"
    "tcTUvgc9+QrVppdLcyPkByUzr6h5nmkie5Cfz97fj7siFZANioFiALC9G7dlJVjbgMcOt3"
    "QGgC3WjnrRoHEHjpSvdf3Guu8/yXUjl8/hCMnxwUqoqlXp178iY1/LMd/NU6dsOy6IJ924"
    "E/b4hYdY9Y2GH6vGVZFlaeQLq15xTnDjAxHM1nRSI0Al+ABpahIiyDWG4Mqylp5GasUYZK"
    "Wfbt4Y5uKjS5fRonEVZtPC94ksoPDd0EqyJP8dic6ZYauUAjjpqv8i5QrRlu3aveTfv66P"
    "ikeRLbjiN0a8+SnqsIHRorbMB0dkDWqSGDeJqHfklnX+IIj0zLYg/X/DlVjfP62JxkKVVG"
    "vnEz6A+/XP+jhYI/Hkm7339oX7eQ/x23RvYTebO0WjYhbmK6EJpR6dAMIOiAoAOCDgi6ii"
    "M718fP+hMuBmxUCY5wBt4TeM9DQTcP76kYIEpA9x7b/KDY21WBhzVG5IU4OjoWPoBYhv51"
    "hvnDE9gX2bInpIxv/dJq1LaL7dizIQsfwpZBxkvIrufktbkknScezxeXI+lmuoED3jwsVR"
    "mFl19zg9i78OcENoBubpCnBQT5GwlyfUY91aG1mUzlSgnISiAr90xWhgNHsglnkiSSWg0Z"
    "kgNhRHIRYYSqNsXLiBQO5OsXCHieKxDwPCMQ8BwCAYFnbADPuD2eMWrV5gY2agsDsklkbT"
    "ymNs8rHhVstUlF4BuBb9wn3ygF170Z3FVRtUU3Mjauh1fq7yUgnDNDuGKjQ15wk2NjYbZx"
    "qxRaSKeruDOJas8gzWSpAoGsiE5Wx6Y2kUX5oehIn7js1uhV7HLEJHiwKc+xdtARjy+1sb"
    "+FE982/0W1hfMWyi9OvEVLSYlZFWADFwcpsTsDF1JidwowpMQeWkosEDXp0NeXqIHj6OpW"
    "6wrSO3HqDtBz2yKR4rZvfniVukAlAZW0Ryop2iaB7lhLdyi68Bviq4INskqIr4rsyFWTxq"
    "0kPUuKRasrTK45fsZvBWkoCqkTRNskGWNRpQqqMRl3mk44Or6sJkW9rucdv039ne6Cfe0c"
    "bFmOIP9CutBhqhg74oi3KV2gGRdjhRKHHzzM4OL57a/IJGPLMxRbt2/jAQrmMZ1FlPhIIB"
    "WBVKwPqThjE9LUetWK53vHNCGUEsvVkAyl1AnxdGsDoKOKgPManCFkddshq9K8qv3hUVcv"
    "MO8pdYHrUXA9E6y7HqfkEuD+7X7QV6Mr68QHCnPsov9HlulsDdzGXyYeEVWLRp5puSZx3v"
    "Hn/bWx+6GDYxQhS8P2fHTT/i3e1K+uB504C8oL6MASRs3JbIg1BZ61QhCXybPuM+TpU8I5"
    "Vtxurg98Cn5xM1/wkxCWd9j/yUG6MWPTEGI1ZRJsiNQ/zhsEPNVPaK7b7A1dbDuqcKcSSs"
    "xBMzzjV2AZ9soy8Boo4C4E4jX0FC7yhNVcpEfVXCSCatjvxoWilpYKNYR3KxTOM/tpaoDX"
    "b3IW6lYZ68aw+9uwhfjnI+k/3HS6dy3kfz8SbiC2EP98JJ3B4Lrb7rdQ8Mcjufoy6F2x+/"
    "53fIDPU2Plb4Fm4z8808aqUzsptbBO0pbvV2qx2hoxvW1V1/LKbt03XoMR96DTix3N6TeA"
    "o+MYL6RIaZpSc1zMjZZUwIsu3Ytm981wATCnHSOr7M6Xel9pawZoCaAlgJYAWgJoiRy0xE"
    "c69tJ2MVrea2YREoYslYuMsDDSXVcfT7GBXIr0gCL4FTkuazoG8lhl8o2IbJ0YdIb4WyGT"
    "oE93g/7wY/f+q3Y/HNy1P3e1j707NTlR+hPyZGP5zwh3QVpNIMWyrR4eeh8LcBaeZxrvuM"
    "4mvWc9dSHZXOJJ/ONsHwaXvxTnzyryfCF+ejaHAfPBltbhWDcrGoUi61TZtd6Uxjg/z5V9"
    "dZ6RfXUe94v9MUsrCnVMrRy090t2bpmR46GsbCLzMSqAdFyvhg37OBc/d5zBzx0n+TnH/I"
    "8C59QhORSHwRhc3UJQ19fVjZiceQONZB3oS4q+5M0tqm+yI1FSEdLI1vII7jKp4Y00Qu2y"
    "I5oxFiHSc9fnkEmtsQR0651Aluy5ldov595Ny2Bx1yeuuLnTVdrIcfGcb1ATjezwGx6a23"
    "SMHedXdHU9uO9+RKJkB2FiLBkWFR1TSpnFt8NZLo3AbjeQmLIzcLfvNR3MKmHl2/APFCky"
    "uO32W4h/PhJ/pG0FI258wM7Tri9ztOrL1DZ9CRvggO8KtDws01bOC3jbMi0k++8x2T9AS+"
    "EirXBM95FWHEQuJ8mbz6ntIn+T1WDHzyDfvolm9IWhw7wdm3pP05jX47s3Si+plELz5O57"
    "sxG7E4+rj4uptw8Vj8qU0B2HjSo4Wyh21phayJxxQMIxKeV9qGdn3R9b1FnaB1wEfMGd+o"
    "J+W8sP7EoB5naFn+KarlXIuV4qVNk7qVLOgPxmCZyH+M+UdhtTqwXaWb5G97dhxM1IhD8v"
    "XY3rQf9zKB6PiY4tBy/H8k3c8JV2lcFvfOt2tPseT80I/3ok3Zt277qFxNcjuf3C/K0WEl"
    "+P5NuX9vC+fXvL5IO/ePJGe8hTN9pD/+/OIPiX/fFIbtr+6fb+9yNp3/ZaiH1s4uiXn+QR"
    "ndQ3qehoCZWu7OvBtxZiH4+kP7i74ZXifz+SL73PX1qIfz6Sh7vP3T6rQf+7AnzMKlEzWU"
    "fpuSFRrWqkh/DH1iY9BGiy9O5QX5oM9omuW62HGGXuEy37rYW6uqxYQp1Xcz3/AKs42bNj"
    "TElODzmmBQFGqrP6YGVhK7gGZkTRsLiEHjRaBbhRSjQvtFEtaLbKswHYz3LcotDG1aDRJq"
    "GVlwPyRvFLKtBcYf121+u3qjG3DHClouqKbnSuicB7x6zhu97VsJEcHkoAdxnlWlNk5TEx"
    "B6yhC1ACsvWO6o75Sikh3UpboZTxttjxHwcKctxOyoHyyiGAJrxu0I37TpXKS/Bja4KG3k"
    "gNvgkFmutjcLSxJJvnXF9fHM1FL0MmeaHWCzb4bg5ZOQl51ZTxNNGNHvyStDC4BLaq3FOs"
    "CbA+22LTlg28CK6yEuCqjOWB3F1ILq2MoVEwuVSapndsJh8qwNEhsUp7gIVGmkdcYeKkWn"
    "G+QD4rbiW71oobTjGydMcNc0L9INAgBDo42eyIqdKWvKE4WmAbI4fJe/NmmDcanGNm/Jw0"
    "+rb2lPWpqamGYGVsllpbhrzWtcKhyDEt2F1VOdXuc8S6Nslz+nAl7uYZq6xQMIe76av85C"
    "CuJLYWJJR3+uBGk48lU519U7694AKPkG4YNnaUKR9vK6zwloSQ/gAu6eEa+T9Uuvawd/W1"
    "y7f2F9/RiO+Hu2seK3wdH1D2ECjs6vaTyrvKyEdZalQZ/80TUnJmpGSmpCRyUnZ8UkjFmP"
    "IdJP1AZHU6+ocZYwub5wEBVxGASyTg9ups0acuce3XRrrDFUo08zhd9EnDS+m1nteAYO4L"
    "kScs7+fOHaMF85AQv+MgvpDnttgV2mQfmDTFqfdYH0+D8+pGeMKanbiqT1xsJ52yLT4H/L"
    "VKjFVN8Nd27q/5x1oXsWBXGjX0E05Pcpiwpyfp546fJAxYMWQVPMprqQK5mhGLtYxczeKe"
    "RG09iAPxGPKlbI1dWjCNQFaBFAIIgwAv7NC9sMSAUAKu9Q5ilcfACsav9ql4mxS3Vtxt5n"
    "BpSSi4fh2RR5wyv5DoFg894KencacyI2A1hwL4l5UYhZvgX+7chhhRQ5FJkL5bVyhfC98y"
    "y77exjZdsFiS3q7ru1jCbk4Luz6yDvg+4PuA71NpM72o7yO6Nzg/65wfeRSsoPdzG+7b10"
    "h1gVYizRx+0DwinW9pT6SW/+Kvnr3olof9uOwwENIkaKwTSswxc4BcZtehCbVnLX9RbmJa"
    "fNdBZFH6jLx5yqJe2U9Ynxno9wpFXmB8k+qlIPtbvJpAdVkUOGngpB3otCxPF8uWnXcNcK"
    "lQCzdtBwdFy+NIznYrq0CrBRMdTPRqG5MFTfRJ2D7fiKu/u9GytdcUXHkwrF4A3j3W7fF0"
    "iO1ZI9VQl2TyWOqOENfcUD5HAtRieTjNMntJnDHBQ+QkYXQ01h38y4RaPE0yMKOFWe0/U5"
    "jSjtJa39Izih8gGsIiWeL8gBkwzMEwP/jJOGLiBO08r10eytfQLL84y2GVX5ylGuX8FtiP"
    "YD9W1sSpeJLBUHcyMrrF3Tx2jRsKrjVo7umMmQPiaD2KDMpJP4kUHL0ihwlQwjRn+usI8y"
    "s64iuUSbvlbUVB9EYlBhmwP+BQu/0Sg1s51I6NLMXDNVZacI5IlYPSDTapJOu2Q6mFdZJS"
    "tYFKrGJHTGdbPWh5Zbe12RkMriMV2enFY5webjrdu6NjUYNMyPTtofTjLyDw6YcKfIJTem"
    "Blpdqogme8h+An2IM/H6759uDfD+nQxrY5njYUhENwp5lFNugrmXU8Qzqqb9g8Epz8LTj5"
    "L9h2CuaqSyp1dEi3EanCO1UBhAPxGqJ7nMvdP85w948V21lR4mKimPUzdgNYqex+N4D9+P"
    "ml5f0nzK9dTmbf/wf+kQH8"
)
