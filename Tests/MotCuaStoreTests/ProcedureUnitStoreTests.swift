import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Issue 7: the catalog's unit (working days or calendar days) in the store.
@Suite struct ProcedureUnitStoreTests {
    /// A file made before v4 (three migrations) opens and upgrades in place: the unit column is
    /// added as working days, the two rows shipped with "20 working days" for a limit the law
    /// gives in calendar days are corrected, a commune's own figure is left alone, and a dossier
    /// already received keeps the due date printed on its receipt.
    @Test func aV3FileUpgradesToUnits() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("v3.sqlite")
        let q = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(q, upTo: "v3-clerk-actions")
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO procedures (code, name, field, processing_days, fee, fee_note, deliveries, folded_name)
                VALUES ('NCN-TN', 'Đăng ký nuôi con nuôi trong nước', 'Nuôi con nuôi', 20, 400000, '', 'desk', 'dang ky nuoi con nuoi trong nuoc'),
                       ('DD-HG', 'Hòa giải tranh chấp đất đai', 'Đất đai', 25, 0, 'Không thu phí', 'desk', 'hoa giai tranh chap dat dai'),
                       ('HT-XNHN', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 3, 0, '', 'desk;post', 'cap giay xac nhan tinh trang hon nhan');
                INSERT INTO dossiers (code, day, seq, procedure_code, applicant_name, channel, delivery, received_at, due_date, status)
                VALUES ('MC-260105-001', '2026-01-05', 1, 'NCN-TN', 'Đinh Ích Khiêm', 'direct', 'desk',
                        '2026-01-05T08:00:00+07:00', '2026-02-02', 'processing');
                """)
        }
        #expect(try q.read { db in try db.columns(in: "procedures").map(\.name) }.contains("processing_unit") == false)
        try q.close()

        let store: any DeskStore = try AppDatabase(path: path)
        let ncn = try #require(try store.procedure(code: "NCN-TN"))
        #expect(ncn.processingDays == 30 && ncn.processingUnit == .days)
        // 25 is not what was shipped: the commune's own figure, kept as it was (working days).
        let hg = try #require(try store.procedure(code: "DD-HG"))
        #expect(hg.processingDays == 25 && hg.processingUnit == .workingDays)
        let xnhn = try #require(try store.procedure(code: "HT-XNHN"))
        #expect(xnhn.processingDays == 3 && xnhn.processingUnit == .workingDays && xnhn.note == "")
        #expect(try store.dossier(code: "MC-260105-001")?.dueDate == date("2026-02-02"))

        // A new dossier on the upgraded file is counted in calendar days, across Tết 2026.
        let d = try store.receive("Trần Văn Bảy", procedure: "NCN-TN", at: "2026-01-16 10:00")
        #expect(d.dueDate == date("2026-02-23"))
        #expect(try store.check().isEmpty)
        // A unit the program does not know cannot be written (the column has a CHECK).
        #expect(throws: (any Error).self) {
            let w = try DatabaseQueue(path: path)
            defer { try? w.close() }
            try w.write { db in try db.execute(sql: "UPDATE procedures SET processing_unit = 'weeks' WHERE code = 'DD-HG'") }
        }
    }

    /// A fresh file is seeded with the built-in catalog's units; an import stores the unit and
    /// the note and a later import without the column sets the row back to working days.
    @Test func seedAndImportKeepTheUnit() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        #expect(try store.procedure(code: "NCN-TN")?.processingUnit == .days)
        #expect(try store.procedure(code: "DD-TC")?.processingDays == 45)
        let gn = try #require(try store.procedure(code: "GN-HN"))
        #expect(gn.note.hasPrefix("Cần xác nhận"))
        #expect(try store.procedures().count == ProcedureCatalog.builtIn.procedures.count)

        let file = """
            code,name,field,processing_days,unit,fee,deliveries,note
            XA-1,Thủ tục riêng của xã,Khác,10,days,0,desk,cần xác nhận thời hạn
            """
        let catalog = try ProcedureCatalog.parse(csv: file, file: "xa.csv")
        _ = try store.importProcedures(catalog.procedures, source: "xa.csv", now: at("2026-11-25 08:00"), actor: clerk1)
        let mine = try #require(try store.procedure(code: "XA-1"))
        #expect(mine.processingUnit == .days && mine.note == "cần xác nhận thời hạn")
        // Received Wed 04/11/2026 with 10 days: day 10 is Sat 14/11 → Mon 16/11.
        #expect(try store.receive("Lê Thị Hoa", procedure: "XA-1", at: "2026-11-04 09:00").dueDate == date("2026-11-16"))

        let old = try ProcedureCatalog.parse(csv: "code,name,field,processing_days,fee,deliveries\nXA-1,Thủ tục riêng của xã,Khác,10,0,desk\n", file: "cu.csv")
        _ = try store.importProcedures(old.procedures, source: "cu.csv", now: at("2026-11-25 08:05"), actor: clerk1)
        #expect(try store.procedure(code: "XA-1")?.processingUnit == .workingDays)
    }
}
