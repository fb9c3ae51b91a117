import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Issue 11: opening for a read writes nothing. `dossier list` and `dossier show` open through
/// `openForReading`, as the board does; the file's bytes and time stay as they were.
@Suite struct ReadWritesNothingTests {
    @Test func listingAndSearchingDossiersWritesNothingToTheFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("desk.sqlite")
        do {
            let desk = try AppDatabase(path: path)
            _ = try desk.receive("Phan Ích Khiêm", at: "2026-11-25 08:00")
            _ = try desk.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try desk.pool.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        do {
            let store = try AppDatabase.openForReading(path: path)
            #expect(store.isReadOnly)
            #expect(try store.dossiers(matching: DossierQuery(search: "ich khiem")).count == 1)
            #expect(try store.dossiers(matching: DossierQuery(search: "261125-001")).count == 1)
            #expect(try store.searchApplicants("khiem", limit: 5).count == 1)
            _ = try store.dossier(code: "MC-261125-001")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == mtime)
    }
}
