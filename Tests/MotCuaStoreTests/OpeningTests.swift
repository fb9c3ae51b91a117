import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

@Suite struct OpeningTests {
    @Test func refusesMissingFolder() throws {
        let dir = try TempDir()
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: dir.file("no/such/folder/db.sqlite")) }
    }

    @Test func refusesReadOnlyFolder() throws {
        guard getuid() != 0 else { return } // root ignores permissions; the CLI test covers a read-only file system case
        let dir = try TempDir()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: dir.file("db.sqlite")) }
    }

    @Test func leavesForeignFilesUntouched() throws {
        let dir = try TempDir()
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
        let path = try TempDir().file("v1.sqlite")
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
        #expect(try db.tickets(day: LocalDate(year: 2026, month: 11, day: 25)!).first?.applicantName == "Nguyễn Hồng Sự")
        #expect(try db.check().isEmpty)
    }

    @Test func readOnlyOpeningSeesWritesAndRefusesToWrite() throws {
        let path = try TempDir().file("ro.sqlite")
        let desk = try AppDatabase(path: path)
        let board = try AppDatabase(path: path, readOnly: true)
        let mark = try board.changeMark()
        _ = try desk.addWalkIn(WalkInRequest(name: "Võ Thị Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        #expect(try board.changeMark() > mark)
        #expect(try board.tickets(day: LocalDate(year: 2026, month: 11, day: 25)!).count == 1)
        #expect(throws: StoreError.self) { _ = try board.addWalkIn(WalkInRequest(name: "X"), now: at("2026-11-25 08:00"), actor: clerk1) }
    }
}
