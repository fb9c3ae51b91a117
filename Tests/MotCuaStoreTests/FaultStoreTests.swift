import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// The place failing under the store: a full database, a damaged file, a read-only place, a
/// backup taken while a desk writes.
@Suite struct FaultStoreTests {
    /// A full disk simulated on a real file with `PRAGMA max_page_count` on the writer
    /// connection (the CLI tests fill a real small file system when they can).
    @Test func aFullDatabaseSaysNothingWasSavedAndTheNextStartWorks() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("full.sqlite")
        let db = try AppDatabase(path: path)
        let pages = try db.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try db.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        var saved = 0
        var failure: StoreError?
        for i in 0..<2000 {
            do {
                _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn Số \(i)"), now: at("2026-11-25 08:00"), actor: clerk1)
                saved += 1
            } catch let e as StoreError {
                failure = e; break
            }
        }
        let e = try #require(failure, "2000 walk-ins fitted in \(pages + 2) pages")
        #expect(e.fault == .diskFull && e.isDatabaseFailure)
        #expect(e.message.vi.contains("chưa lưu gì") && e.message.vi.contains("giải phóng dung lượng"))
        #expect(e.message.en.contains("nothing was saved") && e.message.en.contains("Free some space"))
        #expect(try db.tickets(day: date("2026-11-25")).count == saved)
        try db.close()
        let next = try AppDatabase(path: path)
        _ = try next.addWalkIn(WalkInRequest(name: "Lê Thị Sau"), now: at("2026-11-25 08:05"), actor: clerk1)
        #expect(try next.tickets(day: date("2026-11-25")).count == saved + 1)
        #expect(try next.check().isEmpty)
    }

    @Test func aTruncatedCopyIsDamagedNotForeignAndCheckNamesTheDamage() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        let db = try AppDatabase(path: path)
        for i in 0..<200 { _ = try db.addWalkIn(WalkInRequest(name: "Người \(i)"), now: at("2026-11-25 08:00"), actor: clerk1) }
        let copy = dir.file("copy.sqlite")
        try db.backup(to: copy)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let truncated = dir.file("truncated.sqlite")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let garbage = dir.file("garbage.sqlite")
        var scrambled = bytes
        for i in 100..<scrambled.count { scrambled[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        try scrambled.write(to: URL(fileURLWithPath: garbage))
        for damaged in [truncated, garbage] {
            let before = try Data(contentsOf: URL(fileURLWithPath: damaged))
            do {
                _ = try AppDatabase(path: damaged, readOnly: true)
                Issue.record("\(damaged) opened")
            } catch let e as StoreError {
                #expect(e.fault == .damaged, "\(e.message.en)")
                #expect(e.message.en.contains("motcua restore"))
            }
            #expect(!AppDatabase.damageFindings(path: damaged).isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: damaged)) == before)
        }
        #expect(AppDatabase.damageFindings(path: copy).isEmpty)
    }

    @Test func aFileThatCannotBeWrittenOpensReadOnlyAndSaysSoOnAWrite() throws {
        // Root ignores permission bits: the CLI tests cover a read-only mount, which binds root too.
        guard getuid() != 0 else { return }
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        let db = try AppDatabase(path: path)
        _ = try db.addWalkIn(WalkInRequest(name: "Võ Thị Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        try db.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        let ro = try AppDatabase(path: path)
        #expect(ro.isReadOnly)
        #expect(try ro.tickets(day: date("2026-11-25")).count == 1)
        do {
            _ = try ro.addWalkIn(WalkInRequest(name: "X"), now: at("2026-11-25 08:00"), actor: clerk1)
            Issue.record("wrote in a read-only place")
        } catch let e as StoreError {
            #expect(e.fault == .readOnly)
        }
    }

    @Test func aBackupTakenWhileADeskWritesIsConsistent() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = try AppDatabase(path: dir.file("desk.sqlite"))
        let writing = DispatchGroup()
        DispatchQueue.global().async(group: writing) {
            for i in 0..<150 { _ = try? db.addWalkIn(WalkInRequest(name: "Người \(i)"), now: at("2026-11-25 08:00"), actor: clerk1) }
        }
        for n in 0..<5 {
            let copy = dir.file("copy-\(n).sqlite")
            try db.backup(to: copy)
            let opened = try AppDatabase(path: copy, readOnly: true)
            #expect(try opened.check().isEmpty)
            let tickets = try opened.tickets(day: date("2026-11-25")).map(\.number).sorted()
            #expect(tickets == Array(1...max(tickets.count, 1)).prefix(tickets.count).map { $0 })
        }
        writing.wait()
    }
}
