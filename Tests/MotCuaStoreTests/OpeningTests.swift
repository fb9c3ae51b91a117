import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

@Suite struct OpeningTests {
    @Test func refusesMissingFolder() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: dir.file("no/such/folder/db.sqlite")) }
    }

    @Test func refusesReadOnlyFolder() throws {
        guard getuid() != 0 else { return } // root ignores permissions; the CLI test covers a read-only file system case
        let dir = try TempDir()
        defer { dir.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: dir.file("db.sqlite")) }
    }

    @Test func leavesForeignFilesUntouched() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = dir.file("notes.txt")
        try Data("Sổ theo dõi\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "Sổ theo dõi\n")

        let other = dir.file("other.sqlite")
        let q = try DatabaseQueue(path: other)
        try q.write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (42)") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    @Test func upgradesADatabaseMadeByTheFirstMigration() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("v1.sqlite")
        let q = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(q, upTo: "v1")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO tickets (day, series, number, applicant_name, status, issued_at)
                VALUES ('2026-11-25', 'A', 1, 'Nguyễn Hồng Sự', 'waiting', '2026-11-25T08:00:00+07:00')
                """)
        }
        try q.close()
        let db = try AppDatabase(path: path)
        let key = try db.read { db in try String.fetchOne(db, sql: "SELECT search_key FROM tickets") }
        #expect(key == "nguyen hong su")
        #expect(try db.tickets(day: date("2026-11-25")).first?.applicantName == "Nguyễn Hồng Sự")
        #expect(try db.check().isEmpty)
    }

    @Test func readOnlyOpeningSeesWritesAndRefusesToWrite() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("ro.sqlite")
        let desk = try AppDatabase(path: path)
        let board = try AppDatabase(path: path, readOnly: true)
        let mark = try board.changeMark()
        _ = try desk.addWalkIn(WalkInRequest(name: "Võ Thị Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        #expect(try board.changeMark() > mark)
        #expect(try board.tickets(day: date("2026-11-25")).count == 1)
        #expect(throws: StoreError.self) { _ = try board.addWalkIn(WalkInRequest(name: "X"), now: at("2026-11-25 08:00"), actor: clerk1) }
    }
}

/// What the SQLite file holds that the protocol cannot produce: profiles written by older
/// versions, damaged values, files made by older migrations. Written here with raw SQL.
@Suite struct StoredValuesTests {
    let fx: StoreFixture
    init() throws { fx = try StoreFixture() }
    var db: any DeskStore { fx.store }

    func storeProfileJSON(_ json: String) throws {
        try rawSQL(db.path, """
            INSERT INTO settings (key, value) VALUES ('desk_profile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, [json])
    }

    /// Issue: a profile saved before `clerks`/`version` existed decoded as the defaults ("MC", 2 counters).
    @Test func aProfileMissingNewerFieldsKeepsWhatItHas() throws {
        try storeProfileJSON(#"{"province":"Tỉnh Đồng Nai","commune":"Xã Tân Phú","deskName":"Bộ phận Một cửa","deskCode":"XTP","counters":3}"#)
        let p = try db.profile()
        #expect(p.deskCode == "XTP" && p.counters == 3 && p.commune == "Xã Tân Phú")
        #expect(p.clerks.isEmpty && p.version == 1)
        #expect(p.priority == PriorityPolicy())
        // The desk works with it: counter 3 exists, codes carry XTP.
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        #expect(try db.callNext(counter: 3, now: at("2026-11-25 08:05"), actor: Actor(user: "lan", counter: 3)).called?.code == "A001")
        #expect(try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00").code == "XTP-261125-001")
    }

    @Test func aProfileThatIsNotJSONIsAnErrorNotTheDefaults() throws {
        try storeProfileJSON("desk=XTP; counters=3")
        do {
            let p = try db.profile()
            Issue.record("an unreadable profile read as \(p.deskCode), \(p.counters) counters")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("motcua setup"), "\(e.message.vi)")
            #expect(!e.isDatabaseFailure)
        }
        let mark = try db.changeMark()
        #expect(throws: StoreError.self) { try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00") }
        #expect(throws: StoreError.self) { try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00") }
        #expect(try db.changeMark() == mark)
        // A field present with the wrong type is an error too.
        try storeProfileJSON(#"{"deskCode":"XTP","counters":"ba"}"#)
        #expect(throws: StoreError.self) { _ = try db.profile() }
    }

    /// Issue: an unknown status read back as `received` (dossiers) or `waiting` (tickets).
    @Test func anUnknownStatusIsAnErrorOnRead() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        try rawSQL(db.path, "UPDATE tickets SET status = 'lost'")
        do {
            let list = try db.tickets(day: date("2026-11-25"))
            Issue.record("read as \(list.map(\.status))")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("'lost'") && e.message.vi.contains("status"), "\(e.message.vi)")
        }
        #expect(throws: StoreError.self) { _ = try db.ticket(code: "A001", day: date("2026-11-25")) }

        try rawSQL(db.path, "UPDATE dossiers SET status = 'archived'")
        do {
            let back = try db.dossier(code: d.code)
            Issue.record("read as \(String(describing: back?.status))")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("'archived'") && e.message.vi.contains(d.code), "\(e.message.vi)")
        }
        #expect(throws: StoreError.self) { _ = try db.allDossiers() }
        // A damaged list of missing documents is said, not read as "nothing missing".
        try rawSQL(db.path, "UPDATE dossiers SET status = 'needs-supplement', missing_items = 'Tờ khai; Bản sao'")
        do {
            let back = try db.dossier(code: d.code)
            Issue.record("read as \(String(describing: back?.missingItems))")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("missing_items"), "\(e.message.vi)")
        }
        try rawSQL(db.path, "UPDATE dossiers SET status = 'archived', missing_items = '[]'")
        #expect(throws: StoreError.self) { _ = try db.markReady(d.code, now: at("2026-11-25 10:00"), actor: clerk1) }
        let problems = try db.check()
        #expect(problems.contains { $0.contains(d.code) && $0.contains("unknown status") }, "\(problems)")
        #expect(problems.contains { $0.contains("A1") && $0.contains("unknown status") }, "\(problems)")
    }

    /// Regression: the search once narrowed by the first word only and cut at 500 candidates, so
    /// "ng van" found nobody when 500 "… Ngọc …" names sorted before "Nguyễn Văn".
    @Test func applicantSearchNarrowsByEveryWordBeforeTheLimit() throws {
        let q = try DatabaseQueue(path: db.path)
        try q.write { d in
            for i in 0..<600 {
                try d.execute(sql: "INSERT INTO applicants (name, search_key, created_at) VALUES (?, ?, '2026-11-25T08:00:00+07:00')",
                              arguments: ["Bùi Ngọc Ánh \(i)", "bui ngoc anh \(i)"])
            }
        }
        try q.close()
        try db.receive("Nguyễn Văn An", idNumber: "001203012345", at: "2026-11-25 08:00")
        #expect(try db.searchApplicants("ng van", limit: 50).map(\.name) == ["Nguyễn Văn An"])
        #expect(try db.searchApplicants("ngoc anh 59", limit: 50).count == 11)  // 59, 590–599
    }
}

/// A file made by an older version opens and upgrades in place.
@Suite struct MigrationTests {
    @Test func aV2FileUpgradesAndItsDossiersBecomeSearchable() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("v2.sqlite")
        let q = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(q, upTo: "v2-ticket-search")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO procedures (code, name, field, processing_days, deliveries, folded_name)
                VALUES ('HT-XNHN', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 3, 'desk;post', 'cap giay xac nhan tinh trang hon nhan');
                INSERT INTO applicants (id, name, id_number, search_key, created_at)
                VALUES (1, 'Đinh Ích Khiêm', '001203012345', 'dinh ich khiem 001203012345', '2026-11-20T08:00:00+07:00');
                INSERT INTO dossiers (code, day, seq, procedure_code, applicant_id, applicant_name, channel, delivery,
                                      received_at, due_date, status)
                VALUES ('MC-261120-001', '2026-11-20', 1, 'HT-XNHN', 1, 'Đinh Ích Khiêm', 'direct', 'desk',
                        '2026-11-20T08:00:00+07:00', '2026-11-25', 'ready'),
                       ('MC-261120-002', '2026-11-20', 2, 'HT-XNHN', NULL, 'Nguyễn Hồng Sự', 'direct', 'desk',
                        '2026-11-20T08:30:00+07:00', '2026-11-25', 'processing');
                INSERT INTO events (at, user, counter, entity, entity_key, action, data)
                VALUES ('2026-11-21T09:00:00+07:00', 'lan', 1, 'dossier', 'MC-261120-001', 'ready', '{"from":"processing","to":"ready"}');
                """)
        }
        let columns = try q.read { db in try db.columns(in: "dossiers").map(\.name) }
        #expect(!columns.contains("search_key"))
        try q.close()

        let store: any DeskStore = try AppDatabase(path: path)
        let keys = try rawFetch(path, "SELECT code, search_key FROM dossiers ORDER BY code").map { ($0["code"] as String, $0["search_key"] as String) }
        #expect(keys.map(\.1) == ["dinh ich khiem", "nguyen hong su"])
        #expect(try store.searchDossiers("ich khiem", limit: 10).map(\.code) == ["MC-261120-001"])
        #expect(try store.dossiers(matching: DossierQuery(search: "ng hong", limit: 10)).map(\.code) == ["MC-261120-002"])
        let d = try #require(try store.dossier(code: "MC-261120-001"))
        #expect(d.status == .ready && d.missingItems.isEmpty && d.resultReceiver == nil)
        // An old event's flat data still reads.
        let old = try #require(try store.events(entity: "dossier", key: "MC-261120-001").first)
        #expect(EventData.parse(old.data).to == "ready")
        // The upgraded file takes the new actions, undo included.
        _ = try store.returnResult("MC-261120-001", receivedBy: "Đinh Ích Khiêm", now: at("2026-11-25 09:00"), actor: clerk1)
        _ = try store.undoLast(now: at("2026-11-25 09:01"), actor: clerk1)
        #expect(try store.dossier(code: "MC-261120-001")?.status == .ready)
        #expect(try store.check().isEmpty)
    }
}
