import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// A dossier keeps its procedure as the catalog had it at receipt (issue 9: slips and reports
/// show that even after the catalog changes).
@Suite struct ProcedureSnapshotTests {
    @Test func aCatalogChangeLeavesTheDossiersProcedureAsReceived() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let d = try db.receive("Nguyễn Hồng Sự", procedure: P.xnhn, at: "2026-11-25 09:00")
        let original = try #require(try db.procedure(code: P.xnhn))
        #expect(d.procedureSnapshot == ProcedureSnapshot(original))
        var changed = original
        changed.name = "Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)"
        changed.fee = 15_000
        _ = try db.importProcedures([changed], source: "test", now: at("2026-11-26 08:00"), actor: clerk1)
        let stored = try #require(try db.dossier(code: d.code)).procedureSnapshot
        #expect(stored?.name == original.name && stored?.fee == original.fee)
        #expect(stored?.processingDays == 3 && stored?.processingUnit == .workingDays)
    }

    @Test func dossiersFromBeforeTheSnapshotTakeTheCatalogRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v6-appointments")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO procedures (code, name, field, processing_days, cutoff_minute, fee, fee_note, deliveries, legal_basis, folded_name)
                VALUES ('HT-XNHN', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 3, NULL, 0, '', 'desk;post', 'Luật Hộ tịch 2014', '');
                INSERT INTO dossiers (code, day, seq, procedure_code, applicant_name, channel, delivery, received_at, due_date, status)
                VALUES ('MC-261120-001', '2026-11-20', 1, 'HT-XNHN', 'Lê Văn Cũ', 'direct', 'desk', '2026-11-20T09:00:00+07:00', '2026-11-25', 'received');
                """)
        }
        try Migrations.migrator.migrate(queue)
        let snapshot = try queue.read { db in try String.fetchOne(db, sql: "SELECT procedure_snapshot FROM dossiers") }
        let decoded = try JSONDecoder().decode(ProcedureSnapshot.self, from: Data(try #require(snapshot).utf8))
        #expect(decoded.name == "Cấp Giấy xác nhận tình trạng hôn nhân" && decoded.processingDays == 3)
        #expect(decoded.cutoffMinuteOfDay == nil && decoded.processingUnit == .workingDays)
    }
}
