import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// The board's and the display's store: read-only for real (SQLite refuses), opening it writes
/// nothing, and the display's query carries no personal data.
@Suite struct BoardStoreTests {
    @Test func sqliteItselfRefusesAWriteThroughTheReadOnlyStore() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        let desk = try AppDatabase(path: path)
        _ = try desk.addWalkIn(WalkInRequest(name: "Võ Thị Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        let board = try AppDatabase(path: path, readOnly: true)
        // Past the store's own guard: straight to SQLite on the board's connection.
        do {
            try board.pool.writeWithoutTransaction { db in
                try db.execute(sql: "UPDATE tickets SET applicant_name = 'X'")
            }
            Issue.record("SQLite accepted a write on the read-only store")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_READONLY)
        }
        #expect(try desk.tickets(day: date("2026-11-25")).first?.applicantName == "Võ Thị Sáu")
    }

    @Test func openingAndReadingTheBoardWritesNothingToTheFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        do {
            let desk = try AppDatabase(path: path)
            _ = try desk.addWalkIn(WalkInRequest(name: "Võ Thị Sáu", phone: "0912345678"), now: at("2026-11-25 08:00"), actor: clerk1)
            _ = try desk.callNext(counter: 1, now: at("2026-11-25 08:01"), actor: clerk1)
            _ = try desk.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try desk.pool.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        do {
            let board: any DeskStore = try AppDatabase(path: path, readOnly: true)
            let data = try board.board(now: at("2026-11-25 09:00"), calendar: testCalendar)
            #expect(data.tickets.count == 1)
            _ = try board.displayData(day: date("2026-11-25"), limit: 8)
            _ = try board.changeMark()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == mtime)
    }

    @Test func displayDataIsTheCallsNewestFirstAndTheWaitingCount() throws {
        let fx = try StoreFixture()
        let s = fx.store
        for (name, id) in [("Nguyễn Văn An", "001203012345"), ("Trần Thị Bình", "001203004567"), ("Lê Văn Cường", "001303012345")] {
            _ = try s.addWalkIn(WalkInRequest(name: name, phone: "0912345678", idNumber: id), now: at("2026-11-25 08:00"), actor: clerk1)
        }
        _ = try s.callNext(counter: 1, now: at("2026-11-25 08:05"), actor: clerk1)
        _ = try s.callNext(counter: 2, now: at("2026-11-25 08:06"), actor: clerk2)
        _ = try s.moveTicket(TicketMoveRequest(ticketCode: "A001", move: .recall, counter: 1), now: at("2026-11-25 08:07"), actor: clerk1)
        let d = try s.displayData(day: date("2026-11-25"), limit: 8)
        #expect(d.calls.map(\.ticket) == ["A001", "A002", "A001"])
        #expect(d.calls.map(\.counter) == [1, 2, 1])
        #expect(d.waiting == 1)
        #expect(d.calls.map(\.id) == d.calls.map(\.id).sorted(by: >))
        // Another day has none of them.
        #expect(try s.displayData(day: date("2026-11-26"), limit: 8).calls.isEmpty)
    }

    @Test func aRecallWithoutACounterInTheSameSecondAsTheCallIsStillACallAtTheTicketsCounter() throws {
        let fx = try StoreFixture()
        let s = fx.store
        _ = try s.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), actor: clerk1)
        _ = try s.callNext(counter: 2, now: at("2026-11-25 08:05"), actor: clerk2)
        // `motcua queue recall A001` with no `--counter`, by a user with no counter, same second.
        _ = try s.moveTicket(TicketMoveRequest(ticketCode: "A001", move: .recall), now: at("2026-11-25 08:05"),
                             actor: Actor(user: "cli", counter: nil))
        let d = try s.displayData(day: date("2026-11-25"), limit: 8)
        #expect(d.calls.map(\.ticket) == ["A001", "A001"])
        #expect(d.calls.map(\.counter) == [2, 2])
        var q = AnnouncementQueue()
        q.start(with: [])
        #expect(q.receive(d.calls) == 2, "both the call and the recall are announced")
    }

    @Test func aReadOnlyOpenRefusesAnEmptyFileOrAnEmptySQLiteFileAndWritesNothing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let empty = dir.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        do {
            _ = try AppDatabase(path: empty, readOnly: true)
            Issue.record("a 0-byte file opened as a database")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("tệp rỗng, không phải cơ sở dữ liệu motcua"), "\(e.message.vi)")
            #expect(!e.message.vi.contains("nâng cấp") && e.field == "db")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        // An SQLite file with no tables at all: not motcua's either.
        let bare = dir.file("bare.sqlite")
        try DatabaseQueue(path: bare).write { db in try db.execute(sql: "CREATE TABLE t(x); DROP TABLE t") }
        #expect(throws: StoreError.self) { _ = try AppDatabase(path: bare, readOnly: true) }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)).isSubset(of: ["empty.sqlite", "bare.sqlite"]))
        // The desk itself still starts a database in an empty file it is pointed at.
        #expect(throws: Never.self) { _ = try AppDatabase(path: empty) }
    }

    @Test func inThePostIsPostedAndNotDeliveredYet() throws {
        let fx = try StoreFixture()
        let s = fx.store
        func received(_ name: String) throws -> String {
            try s.receiveDossier(ReceiveRequest(procedureCode: P.xnhn, name: name, delivery: "post", deliveryAddress: "Thôn 2, xã Tân Lập"), now: at("2026-11-25 08:00"),
                                 actor: clerk1, calendar: testCalendar).code
        }
        let a = try received("Nguyễn Văn An"), b = try received("Trần Thị Bình")
        for code in [a, b] {
            _ = try s.markReady(code, now: at("2026-11-26 08:00"), actor: clerk1)
            _ = try s.post(code, trackingNumber: "EC136431858VN", now: at("2026-11-26 09:00"), actor: clerk1)
        }
        _ = try s.postDelivered(b, now: at("2026-11-27 09:00"), actor: clerk1)
        #expect(try s.dossiersInPost(limit: 10).map(\.code) == [a])
    }

    @Test func theWatcherWakesOnAnotherConnectionsWriteOnly() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        let desk = try AppDatabase(path: path)
        let watcher = try #require(ChangeWatcher.make(databasePath: path), "inotify is available on Linux")
        _ = watcher.drain()
        #expect(!watcher.drain())
        // A file beside the database (a slip) wakes nothing.
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.file("slip.txt")))
        #expect(!watcher.drain())
        _ = try desk.addWalkIn(WalkInRequest(name: "Võ Thị Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        #expect(watcher.drain())
    }
}
