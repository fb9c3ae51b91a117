import GRDB
import MotCuaCore

/// Shipped migrations are never edited; a schema change is a new migration.
enum Migrations {
    /// 'MOTC': stamped in the SQLite header so a file that is not ours is recognised and left alone.
    static let applicationID: Int32 = 0x4D4F_5443

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE procedures (
                    code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, field TEXT NOT NULL,
                    processing_days INTEGER NOT NULL CHECK (processing_days >= 0),
                    cutoff_minute INTEGER, fee INTEGER NOT NULL DEFAULT 0, fee_note TEXT NOT NULL DEFAULT '',
                    deliveries TEXT NOT NULL, effective_from TEXT, effective_to TEXT,
                    legal_basis TEXT NOT NULL DEFAULT '', folded_name TEXT NOT NULL);
                CREATE TABLE applicants (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, id_number TEXT,
                    phone TEXT, address TEXT, search_key TEXT NOT NULL, created_at TEXT NOT NULL);
                CREATE INDEX applicants_search ON applicants(search_key);
                CREATE UNIQUE INDEX applicants_id_number ON applicants(id_number) WHERE id_number IS NOT NULL;
                CREATE TABLE tickets (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, series TEXT NOT NULL,
                    number INTEGER NOT NULL, applicant_name TEXT NOT NULL, phone TEXT, id_number TEXT,
                    procedure_code TEXT REFERENCES procedures(code), priority_code TEXT, priority_reason TEXT,
                    status TEXT NOT NULL, counter INTEGER, clerk TEXT, issued_at TEXT NOT NULL,
                    called_at TEXT, finished_at TEXT, recall_count INTEGER NOT NULL DEFAULT 0,
                    appointment_at TEXT,
                    UNIQUE (day, series, number));
                CREATE INDEX tickets_today ON tickets(day, status);
                CREATE TABLE dossiers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE,
                    day TEXT NOT NULL, seq INTEGER NOT NULL,
                    procedure_code TEXT NOT NULL REFERENCES procedures(code),
                    applicant_id INTEGER REFERENCES applicants(id), applicant_name TEXT NOT NULL,
                    channel TEXT NOT NULL, delivery TEXT NOT NULL, delivery_address TEXT, notes TEXT,
                    received_at TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL,
                    ticket_code TEXT, counter INTEGER, clerk TEXT, tracking_number TEXT, closed_at TEXT,
                    UNIQUE (day, seq));
                CREATE INDEX dossiers_status_due ON dossiers(status, due_date);
                CREATE INDEX dossiers_received ON dossiers(received_at);
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL,
                    counter INTEGER, entity TEXT NOT NULL, entity_key TEXT NOT NULL,
                    action TEXT NOT NULL, data TEXT NOT NULL);
                CREATE INDEX events_entity ON events(entity, entity_key);
                """)
        }
        // v2: name search over tickets too (the desk's search box finds a walk-in by a folded
        // name before any dossier exists); backfills the key for tickets made under v1.
        m.registerMigration("v2-ticket-search") { db in
            try db.execute(sql: "ALTER TABLE tickets ADD COLUMN search_key TEXT NOT NULL DEFAULT ''")
            try db.execute(sql: "CREATE INDEX tickets_search ON tickets(search_key)")
            try db.execute(sql: "CREATE INDEX dossiers_applicant ON dossiers(applicant_id)")
            let rows = try Row.fetchAll(db, sql: "SELECT id, applicant_name, phone, id_number FROM tickets")
            for row in rows {
                let key = SearchKey.make(name: row["applicant_name"], idNumber: row["id_number"], phone: row["phone"])
                try db.execute(sql: "UPDATE tickets SET search_key = ? WHERE id = ?", arguments: [key, row["id"] as Int64])
            }
        }
        // v3: what each clerk action carries gets a column (no prose in a UI language); name search
        // over dossiers moves into SQL (a folded key beside the name); events are grouped into the
        // batch of one clerk action and marked when undone.
        m.registerMigration("v3-clerk-actions") { db in
            try db.execute(sql: """
                ALTER TABLE dossiers ADD COLUMN ready_at TEXT;
                ALTER TABLE dossiers ADD COLUMN result_receiver TEXT;
                ALTER TABLE dossiers ADD COLUMN result_receiver_id TEXT;
                ALTER TABLE dossiers ADD COLUMN reason TEXT;
                ALTER TABLE dossiers ADD COLUMN missing_items TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE dossiers ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
                ALTER TABLE events ADD COLUMN batch INTEGER;
                ALTER TABLE events ADD COLUMN undone_by INTEGER;
                CREATE INDEX events_at ON events(at);
                CREATE INDEX events_batch ON events(batch);
                CREATE INDEX dossiers_applicant_procedure ON dossiers(applicant_id, procedure_code, day);
                """)
            let update = try db.makeStatement(sql: "UPDATE dossiers SET search_key = ? WHERE id = ?")
            // In chunks by id: never a cursor over the table being updated, never all rows in memory.
            var lastId: Int64 = 0
            while true {
                let rows = try Row.fetchAll(db, sql: "SELECT id, applicant_name FROM dossiers WHERE id > ? ORDER BY id LIMIT 5000",
                                            arguments: [lastId])
                guard let last = rows.last else { break }
                for row in rows {
                    try update.execute(arguments: [VietnameseText.fold(row["applicant_name"] ?? ""), row["id"] as Int64])
                }
                lastId = last["id"]
            }
            try db.execute(sql: "CREATE INDEX dossiers_search ON dossiers(search_key)")
        }
        // v4: a processing time is counted in working days or in calendar days (the 2025 reform:
        // nuôi con nuôi trong nước 30 ngày; hòa giải tranh chấp đất đai không quá 30 ngày, Luật Đất
        // đai 2024 Điều 235), and a row can say what is still to be confirmed. Every existing row
        // keeps its meaning (working days). The two built-in rows that shipped with "20 working
        // days" for these limits are corrected, but only where they still hold exactly what was
        // shipped: a commune that imported its own figure keeps it. Dossiers already received
        // keep the due date printed on their receipt.
        m.registerMigration("v4-procedure-unit") { db in
            try db.execute(sql: """
                ALTER TABLE procedures ADD COLUMN processing_unit TEXT NOT NULL DEFAULT 'working-days'
                    CHECK (processing_unit IN ('working-days', 'days'));
                ALTER TABLE procedures ADD COLUMN note TEXT NOT NULL DEFAULT '';
                UPDATE procedures SET processing_days = 30, processing_unit = 'days'
                    WHERE code IN ('NCN-TN', 'DD-HG') AND processing_days = 20;
                """)
        }
        // v5: a phone number finds the citizen (and their dossiers) through an index, not a scan
        // of every applicant ever recorded.
        m.registerMigration("v5-applicant-phone") { db in
            try db.execute(sql: "CREATE INDEX applicants_phone ON applicants(phone) WHERE phone IS NOT NULL")
        }
        // v6: hẹn giờ. Appointments (a place at the desk, or a clerk away on a home visit), the
        // waitlist for full days, and the ticket a check-in issues linked to its appointment.
        m.registerMigration("v6-appointments") { db in
            try db.execute(sql: """
                ALTER TABLE tickets ADD COLUMN appointment_id INTEGER;
                CREATE TABLE appointments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL,
                    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
                    minutes INTEGER NOT NULL CHECK (minutes > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('guidance', 'submission', 'home')),
                    status TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'served', 'no-show', 'cancelled')),
                    applicant_name TEXT NOT NULL, phone TEXT, id_number TEXT,
                    procedure_codes TEXT NOT NULL DEFAULT '[]', dossier_code TEXT, address TEXT,
                    travel_before INTEGER NOT NULL DEFAULT 0, travel_after INTEGER NOT NULL DEFAULT 0,
                    note TEXT, ticket_code TEXT, booked_at TEXT NOT NULL, checked_in_at TEXT, finished_at TEXT,
                    cancel_reason TEXT, reschedule_count INTEGER NOT NULL DEFAULT 0,
                    search_key TEXT NOT NULL DEFAULT '');
                CREATE INDEX appointments_day ON appointments(day, start_minute);
                CREATE INDEX appointments_dossier ON appointments(dossier_code) WHERE dossier_code IS NOT NULL;
                CREATE TABLE waitlist (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, wanted_minute INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('guidance', 'submission', 'home')),
                    applicant_name TEXT NOT NULL, phone TEXT NOT NULL, id_number TEXT,
                    procedure_codes TEXT NOT NULL DEFAULT '[]',
                    status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'closed')),
                    created_at TEXT NOT NULL, offered_at TEXT, offered_minute INTEGER, freed_by INTEGER);
                CREATE INDEX waitlist_day ON waitlist(day, status);
                """)
        }
        // v7: a dossier keeps its procedure as the catalog had it at receipt (name, field,
        // processing time, fee): slips and reports show that even after the catalog changes.
        // Dossiers received before take the catalog row as it stands now, the closest record.
        m.registerMigration("v7-procedure-snapshot") { db in
            try db.execute(sql: """
                ALTER TABLE dossiers ADD COLUMN procedure_snapshot TEXT;
                UPDATE dossiers SET procedure_snapshot = (
                    SELECT json_object('name', p.name, 'field', p.field, 'processingDays', p.processing_days,
                                       'processingUnit', p.processing_unit, 'cutoffMinuteOfDay', p.cutoff_minute,
                                       'fee', p.fee, 'feeNote', p.fee_note, 'legalBasis', p.legal_basis)
                    FROM procedures p WHERE p.code = dossiers.procedure_code);
                """)
        }
        // v8: a closed waitlist entry says how it ended (booked into a place, or taken off), so
        // the list never shows a removed person as if they had the place.
        m.registerMigration("v8-waitlist-outcome") { db in
            try db.execute(sql: "ALTER TABLE waitlist ADD COLUMN outcome TEXT CHECK (outcome IN ('booked', 'removed'))")
        }
        // v9: the dossier's life to the citizen's hands (issue 9): the papers received (form 01),
        // where it was sent for processing, the first due date kept when an apology (form 04)
        // moves it, the post's charge, delivery and return, and the fee collected. Lateness is
        // judged on the first due date, so the overdue and due-today counts go through an index
        // on that expression (the same text the queries use).
        m.registerMigration("v9-dossier-life") { db in
            try db.execute(sql: """
                ALTER TABLE dossiers ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE dossiers ADD COLUMN sent_to TEXT;
                ALTER TABLE dossiers ADD COLUMN sent_at TEXT;
                ALTER TABLE dossiers ADD COLUMN original_due_date TEXT;
                ALTER TABLE dossiers ADD COLUMN apology_reason TEXT;
                ALTER TABLE dossiers ADD COLUMN postage INTEGER CHECK (postage >= 0);
                ALTER TABLE dossiers ADD COLUMN post_delivered_at TEXT;
                ALTER TABLE dossiers ADD COLUMN post_returned_at TEXT;
                ALTER TABLE dossiers ADD COLUMN fee_collected INTEGER CHECK (fee_collected >= 0);
                CREATE INDEX dossiers_status_late ON dossiers(status, COALESCE(original_due_date, due_date));
                """)
        }
        // v10: the catalog keeps every version of a procedure (issue 9: the new Luật Hộ tịch from
        // 1/3/2027 beside the old one), keyed by code and effective-from date ('' = since always,
        // which sorts before every ISO date). `procedures` stays the table of codes that tickets
        // and dossiers reference, holding the version that stands for the code today; an import
        // adds versions here and never rewrites another. Every existing row becomes a version.
        m.registerMigration("v10-procedure-versions") { db in
            try db.execute(sql: """
                CREATE TABLE procedure_versions (
                    code TEXT NOT NULL REFERENCES procedures(code),
                    effective_from TEXT NOT NULL DEFAULT '',
                    name TEXT NOT NULL, field TEXT NOT NULL,
                    processing_days INTEGER NOT NULL CHECK (processing_days >= 0),
                    processing_unit TEXT NOT NULL DEFAULT 'working-days',
                    cutoff_minute INTEGER, fee INTEGER NOT NULL DEFAULT 0, fee_note TEXT NOT NULL DEFAULT '',
                    deliveries TEXT NOT NULL, effective_to TEXT,
                    legal_basis TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', folded_name TEXT NOT NULL,
                    PRIMARY KEY (code, effective_from));
                INSERT INTO procedure_versions (code, effective_from, name, field, processing_days, processing_unit,
                    cutoff_minute, fee, fee_note, deliveries, effective_to, legal_basis, note, folded_name)
                SELECT code, COALESCE(effective_from, ''), name, field, processing_days, processing_unit,
                    cutoff_minute, fee, fee_note, deliveries, effective_to, legal_basis, note, folded_name
                FROM procedures;
                """)
        }
        // The papers a procedure's dossier usually holds (`name:originals:copies; …`), offered
        // at reception; empty for the rows already stored (the catalog did not list them).
        m.registerMigration("v11-procedure-documents") { db in
            try db.execute(sql: """
                ALTER TABLE procedures ADD COLUMN documents TEXT NOT NULL DEFAULT '';
                ALTER TABLE procedure_versions ADD COLUMN documents TEXT NOT NULL DEFAULT '';
                """)
        }
        // When a dossier finished (result ready, or closed without one): a period's report reads
        // the dossiers finished since its start through this, not every dossier received before.
        m.registerMigration("v12-dossiers-finished") { db in
            try db.execute(sql: "CREATE INDEX dossiers_finished ON dossiers(COALESCE(ready_at, closed_at))")
        }
        // v13: search costs what it finds, not the years behind it (issue 11). SQLite's full-text
        // engine indexes every word of the folded keys (name, CCCD, phone) and of the dossier codes
        // (`MC-261130-003` → mc, 261130, 003), so a word-prefix query reads the matching entries
        // newest first and stops at the page. External content: the words live in the index only,
        // the text stays in its table; triggers keep the two in step on every write.
        // `prefix='1 2 3 4 5 6'`: a Vietnamese syllable has at most 7 letters, so every prefix
        // typed (`n`, `ngu`, `nguyen`) reads one stored list, newest first, and stops at the page;
        // without it a 3-letter prefix merges the lists of every word so starting (10 ms for
        // "ngu", 36 ms for the 500,000 CCCDs under "075", measured on the 10-year file), and an
        // index of (word, id) rows has to sort every match to give the newest (24–33 ms).
        // The price is the index's size: ≈ 120 MiB instead of 80 MiB for a million dossiers.
        m.registerMigration("v13-search-fts") { db in
            for (table, columns) in [("applicants", ["search_key"]), ("dossiers", ["search_key", "code"])] {
                let cols = columns.joined(separator: ", ")
                let new = columns.map { "new.\($0)" }.joined(separator: ", ")
                let old = columns.map { "old.\($0)" }.joined(separator: ", ")
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE \(table)_fts USING fts5(\(cols), content='\(table)', content_rowid='id',
                        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3 4 5 6');
                    CREATE TRIGGER \(table)_fts_insert AFTER INSERT ON \(table) BEGIN
                        INSERT INTO \(table)_fts(rowid, \(cols)) VALUES (new.id, \(new));
                    END;
                    CREATE TRIGGER \(table)_fts_delete AFTER DELETE ON \(table) BEGIN
                        INSERT INTO \(table)_fts(\(table)_fts, rowid, \(cols)) VALUES ('delete', old.id, \(old));
                    END;
                    CREATE TRIGGER \(table)_fts_update AFTER UPDATE OF \(cols) ON \(table) BEGIN
                        INSERT INTO \(table)_fts(\(table)_fts, rowid, \(cols)) VALUES ('delete', old.id, \(old));
                        INSERT INTO \(table)_fts(rowid, \(cols)) VALUES (new.id, \(new));
                    END;
                    """)
                // In chunks by id, as v3: never the whole table in one statement's memory.
                let fill = try db.makeStatement(sql: """
                    INSERT INTO \(table)_fts(rowid, \(cols)) SELECT id, \(cols) FROM \(table) WHERE id > ? AND id <= ?
                    """)
                let maxId = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
                var from: Int64 = 0
                while from < maxId {
                    try fill.execute(arguments: [from, from + 50_000])
                    from += 50_000
                }
            }
        }
        return m
    }
}
