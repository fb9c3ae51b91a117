import Foundation
import GRDB
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Issue 9: the catalog is keyed by code and effective-from date, so two versions of a procedure
/// coexist (the new Luật Hộ tịch from 1/3/2027); an import adds versions and never rewrites history.
@Suite struct ProcedureVersionTests {
    static let newLawDay = date("2027-03-01")

    /// HT-KS as the built-in catalog has it (same day, since always), and a version from
    /// 2027-03-01 with 3 working days and a fee.
    static func newVersion(of old: Procedure) -> Procedure {
        var p = old
        p.processingDays = 3
        p.fee = 5_000
        p.effectiveFrom = newLawDay
        p.legalBasis = "Luật Hộ tịch (sửa đổi) có hiệu lực từ 01/3/2027"
        return p
    }

    @Test func aDossierUsesTheVersionInForceOnItsReceivingDay() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let old = try #require(try db.procedure(code: P.ks))
        #expect(old.processingDays == 0 && old.effectiveFrom == nil)
        let new = Self.newVersion(of: old)
        let counts = try db.importProcedures([new], source: "luat-moi.csv", now: at("2026-11-30 08:00"), actor: clerk1)
        #expect(counts.added == 1 && counts.corrected == 0)

        // Today (2026-11-30) the code's row is still the old version; by day, each its own.
        #expect(try db.procedure(code: P.ks) == old)
        #expect(try db.procedure(code: P.ks, on: date("2027-02-28")) == old)
        #expect(try db.procedure(code: P.ks, on: Self.newLawDay) == new)
        #expect(try db.procedure(code: P.ks, on: date("2030-01-01")) == new)

        let before = try db.receive("Nguyễn Văn Trước", procedure: P.ks, at: "2027-02-26 09:00")
        #expect(before.procedureSnapshot == ProcedureSnapshot(old))
        #expect(before.dueDate == date("2027-02-26"))
        let after = try db.receive("Nguyễn Văn Sau", procedure: P.ks, at: "2027-03-01 09:00")
        #expect(after.procedureSnapshot == ProcedureSnapshot(new))
        #expect(after.procedureSnapshot?.fee == 5_000)
        let expected = DueDateRule.dueDate(procedure: new, receivedAt: at("2027-03-01 09:00"), calendar: testCalendar, profile: try db.profile())
        #expect(after.dueDate == expected && after.dueDate > date("2027-03-01"))
        // The dossier's own version, by its receiving day.
        #expect(try db.procedure(of: before) == old && db.procedure(of: after) == new)
    }

    @Test func anImportAddsAVersionAndLeavesTheOldOneAndOldDossiersAlone() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let old = try #require(try db.procedure(code: P.ks))
        let received = try db.receive("Trần Thị Cũ", procedure: P.ks, at: "2026-11-25 09:00")
        let versionsBefore = try db.procedureVersions()

        let new = Self.newVersion(of: old)
        #expect(try db.importProcedures([new], source: "a.csv", now: at("2026-11-30 08:00"), actor: clerk1) == (1, 0))
        let versions = try db.procedureVersions()
        #expect(versions.count == versionsBefore.count + 1)
        #expect(versions.filter { $0.code == P.ks } == [old, new])
        // Every other version as it was.
        #expect(versions.filter { $0 != new } == versionsBefore)
        #expect(try db.requireDossier(received.code).procedureSnapshot == received.procedureSnapshot)

        // The same file again changes nothing; the same key with another fee corrects that version only.
        #expect(try db.importProcedures([new], source: "a.csv", now: at("2026-11-30 09:00"), actor: clerk1) == (0, 0))
        var fixed = new
        fixed.fee = 8_000
        #expect(try db.importProcedures([fixed], source: "b.csv", now: at("2026-11-30 10:00"), actor: clerk1) == (0, 1))
        #expect(try db.procedureVersions().filter { $0.code == P.ks } == [old, fixed])
        #expect(try db.requireDossier(received.code).procedureSnapshot == ProcedureSnapshot(old))
        #expect(try db.actions("procedures", "b.csv") == ["import"])

        // An import on or after the new day makes the new version the code's row; the old stays.
        _ = try db.importProcedures([fixed], source: "c.csv", now: at("2027-03-01 08:00"), actor: clerk1)
        #expect(try db.procedure(code: P.ks) == fixed)
        #expect(try db.procedure(code: P.ks, on: date("2027-02-26")) == old)
        // Lists by day: one row per code.
        #expect(try db.procedures(on: date("2027-02-26")).first { $0.code == P.ks } == old)
        #expect(try db.procedures(on: Self.newLawDay).first { $0.code == P.ks } == fixed)
        #expect(try db.procedures(on: Self.newLawDay).count == db.procedures().count)
        #expect(try #require(db as? AppDatabase).check().isEmpty)
    }

    @Test func aProcedureNotYetInForceIsRefusedWithItsDateThenReceived() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let p = Procedure(code: "XA-MOI", name: "Thủ tục mới của xã", field: "Khác", processingDays: 2, cutoffMinuteOfDay: nil,
                          fee: 0, feeNote: "", deliveries: [.desk], effectiveFrom: Self.newLawDay, effectiveTo: nil, legalBasis: "Luật mới")
        #expect(try db.importProcedures([p], source: "x.csv", now: at("2026-11-30 08:00"), actor: clerk1) == (1, 0))
        let refused = #expect(throws: FieldError.self) { try db.receive("Lê Văn Sớm", procedure: "XA-MOI", at: "2027-02-26 09:00") }
        #expect(refused?.problem.en.contains("not in force") == true)
        let d = try db.receive("Lê Văn Đúng", procedure: "XA-MOI", at: "2027-03-01 09:00")
        #expect(d.procedureSnapshot?.processingDays == 2)
    }

    @Test func theMigrationFromV9CopiesEveryRow() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let queue = try DatabaseQueue(path: dir.file("v9.sqlite"))
        try Migrations.migrator.migrate(queue, upTo: "v9-dossier-life")
        try queue.write { db in
            // The rows as v9 held them (no documents column yet).
            for p in ProcedureCatalog.builtIn.procedures {
                try db.execute(sql: """
                    INSERT INTO procedures (code, name, field, processing_days, processing_unit, cutoff_minute, fee, fee_note,
                        deliveries, effective_from, effective_to, legal_basis, note, folded_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                    """, arguments: [p.code, p.name, p.field, p.processingDays, p.processingUnit.rawValue, p.cutoffMinuteOfDay,
                                     p.fee, p.feeNote, p.deliveries.map(\.rawValue).sorted().joined(separator: ";"),
                                     p.effectiveFrom?.iso, p.effectiveTo?.iso, p.legalBasis, p.note, VietnameseText.fold(p.name)])
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM procedures ORDER BY code").map(ProcedureRow.decode)
            let versions = try Row.fetchAll(db, sql: "SELECT * FROM procedure_versions ORDER BY code").map(ProcedureRow.decode)
            #expect(rows.count == ProcedureCatalog.builtIn.procedures.count)
            #expect(versions == rows)
            // "Since always" is stored as '' (sorts before every date), a dated row with its date.
            #expect(try String.fetchOne(db, sql: "SELECT effective_from FROM procedure_versions WHERE code = 'HT-KS'") == "")
            #expect(try String.fetchOne(db, sql: "SELECT effective_from FROM procedure_versions WHERE code = 'HT-KS-NN'") == "2025-07-01")
        }
    }

    @Test func aNewDatabaseHasEveryBuiltInRowAsAVersion() throws {
        let fixture = try StoreFixture()
        let versions = try fixture.store.procedureVersions()
        #expect(Set(versions) == Set(ProcedureCatalog.builtIn.procedures))
        #expect(Set(try fixture.store.procedures()) == Set(ProcedureCatalog.builtIn.procedures))
    }
}
