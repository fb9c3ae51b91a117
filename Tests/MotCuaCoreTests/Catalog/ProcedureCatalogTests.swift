import Foundation
import Testing
@testable import MotCuaCore

@Suite struct ProcedureCatalogTests {
    let catalog = ProcedureCatalog.builtIn

    @Test func builtInParsesWithUniqueCodes() {
        #expect(catalog.procedures.count >= 25)
        #expect(Set(catalog.procedures.map(\.code)).count == catalog.procedures.count)
        for p in catalog.procedures {
            #expect(!p.legalBasis.isEmpty, "\(p.code) has no legal basis")
            #expect(p.deliveries.contains(.desk), "\(p.code) cannot be returned at the desk")
            // A fee of 0 must say why: free by law, or set by the province.
            if p.fee == 0 { #expect(!p.feeNote.isEmpty, "\(p.code): fee 0 without a note") }
            #expect(p.name == VietnameseText.normalize(p.name))
        }
    }

    @Test func builtInFactsFromTheDesignNotes() throws {
        let ks = try #require(catalog.procedure(code: "HT-KS"))
        #expect(ks.name == "Đăng ký khai sinh")
        #expect(ks.processingDays == 0 && ks.cutoffMinuteOfDay == 900)
        let bs = try #require(catalog.procedure(code: "CT-BS"))
        #expect(bs.processingDays == 0 && bs.cutoffMinuteOfDay == 900)
        #expect(catalog.procedure(code: "HT-XNHN")?.processingDays == 3)
        #expect(catalog.procedure(code: "HT-TLBS")?.cutoffMinuteOfDay == 900)
        #expect(catalog.procedure(code: " ht-ks ") == ks)
        #expect(catalog.procedure(code: "NOPE") == nil)
    }

    @Test func searchByWordsInitialsAndCode() throws {
        #expect(catalog.search("khai sinh").first?.code == "HT-KS")
        #expect(catalog.search("Khai Sinh").first?.code == "HT-KS")
        #expect(catalog.search("ks").first?.code == "HT-KS")
        #expect(catalog.search("ks").map(\.code).contains("HT-DKL-KS"))
        #expect(catalog.search("dkks").first?.code == "HT-KS")
        #expect(catalog.search("ket hon").map(\.code).prefix(1) == ["HT-KH"])
        #expect(catalog.search("chứng thực bản sao").first?.code == "CT-BS")
        #expect(catalog.search("HT-KS").first?.code == "HT-KS")
        #expect(catalog.search("ht-ks").first?.code == "HT-KS")
        #expect(catalog.search("CT-").allSatisfy { $0.code.hasPrefix("CT-") })
        #expect(catalog.search("ho tich").count >= 10)
        #expect(catalog.search("zzzz").isEmpty)
        #expect(catalog.search("").count == catalog.procedures.count)
    }

    @Test func serializeRoundTrips() throws {
        let again = try ProcedureCatalog.parse(csv: catalog.csv(), file: "x.csv")
        #expect(again == catalog)
    }

    static let header = "code,name,field,processing_days,cutoff,fee,fee_note,deliveries,effective_from,effective_to,legal_basis\n"

    private func error(_ body: String, header: String = header) -> CatalogError? {
        do { _ = try ProcedureCatalog.parse(csv: header + body, file: "xa.csv"); return nil } catch { return error }
    }

    @Test func badRowsNameFileLineAndColumn() throws {
        let good = "A-1,Thủ tục A,Hộ tịch,0,15:00,0,miễn,desk,,,Luật\n"
        let e1 = try #require(error(good + "\n" + "B-1,Thủ tục B,Hộ tịch,ba,,0,,desk,,,\n"))
        #expect(e1.file == "xa.csv" && e1.line == 4 && e1.column == "processing_days")
        #expect(e1.message(.en).hasPrefix("xa.csv:4, column 'processing_days': expected working days"))
        #expect(e1.message(.vi).contains("'ba'"))

        #expect(error("A,Tên,HT,0,3pm,0,,desk,,,\n")?.column == "cutoff")
        #expect(error("A,Tên,HT,0,,15.000,,desk,,,\n")?.column == "fee")
        #expect(error("A,Tên,HT,0,,0,,desk;ship,,,\n")?.column == "deliveries")
        #expect(error("A,Tên,HT,0,,0,,,,,\n")?.column == "deliveries")
        #expect(error("A,Tên,HT,0,,0,,desk,2026-02-30,,\n")?.column == "effective_from")
        #expect(error("A,Tên,HT,0,,0,,desk,2026-02-01,2026-01-01,\n")?.column == "effective_to")
        #expect(error("Mã có dấu,Tên,HT,0,,0,,desk,,,\n")?.column == "code")
        #expect(error("A,  ,HT,0,,0,,desk,,,\n")?.column == "name")
        #expect(error("A,Tên\u{200B},HT,0,,0,,desk,,,\n")?.column == "name")
        let short = try #require(error("A,Tên,HT,0\n"))
        #expect(short.line == 2 && short.column == nil)
    }

    @Test func duplicateCodeNamesBothLines() throws {
        let e = try #require(error("A-1,Một,HT,0,,0,,desk,,,\nB,Hai,HT,0,,0,,desk,,,\na-1,Ba,HT,0,,0,,desk,,,\n"))
        #expect(e.line == 4 && e.column == "code")
        #expect(e.problem.en.contains("line 2"))
    }

    @Test func headerProblems() {
        #expect(error("", header: "")?.line == 1)
        #expect(error("", header: "code,name,field,processing_days,fee\n")?.column == "deliveries")
        #expect(error("", header: "code,name,field,processing_days,fee,deliveries,colour\n")?.column == "colour")
        #expect(error("", header: "code,code,name,field,processing_days,fee,deliveries\n")?.column == "code")
    }

    @Test func columnsInAnyOrderAndOptionalOnesMissing() throws {
        let text = "\u{FEFF}deliveries,fee,processing_days,field,name,code\r\n\"desk;post\",2000,0,Chứng thực,\"Chứng thực bản sao, chữ ký\",ct-x\r\n"
        let c = try ProcedureCatalog.parse(csv: text, file: "x.csv")
        let p = try #require(c.procedures.first)
        #expect(p.code == "CT-X" && p.fee == 2000 && p.deliveries == [.desk, .post] && p.cutoffMinuteOfDay == nil)
        #expect(p.name == "Chứng thực bản sao, chữ ký")
    }

    @Test func activeOnDate() throws {
        let text = Self.header + "OLD,Cũ,HT,0,,0,,desk,,2027-02-28,\nNEW,Mới,HT,0,,0,,desk,2027-03-01,,\nALL,Luôn,HT,0,,0,,desk,,,\n"
        let c = try ProcedureCatalog.parse(csv: text, file: "x.csv")
        let before = try #require(LocalDate(year: 2027, month: 2, day: 28))
        #expect(c.active(on: before).map(\.code) == ["OLD", "ALL"])
        #expect(c.active(on: before.adding(days: 1)).map(\.code) == ["NEW", "ALL"])
        #expect(c.search("", on: before).map(\.code) == ["OLD", "ALL"])
    }

    @Test func duplicateCodesRefusedInInit() {
        let p = Procedure(code: "A", name: "A", field: "F", processingDays: 0, cutoffMinuteOfDay: nil, fee: 0, feeNote: "",
                          deliveries: [.desk], effectiveFrom: nil, effectiveTo: nil, legalBasis: "")
        #expect(throws: RuleViolation.self) { try ProcedureCatalog(procedures: [p, p]) }
    }

    @Test func procedureCodable() throws {
        let p = try #require(catalog.procedure(code: "HT-KS"))
        let back = try JSONDecoder().decode(Procedure.self, from: JSONEncoder().encode(p))
        #expect(back == p)
        #expect(p.foldedName == "dang ky khai sinh")
        #expect(p.cutoffText == "15:00")
        #expect(p.processingText.vi == "Trong ngày")
    }

    // MARK: Issue 7: calendar-day limits, the 2025 reform

    /// The unit column round-trips, with a calendar-day row, a note, and the header written out.
    @Test func unitAndNoteRoundTrip() throws {
        let text = "code,name,field,processing_days,unit,cutoff,fee,fee_note,deliveries,effective_from,effective_to,legal_basis,note\n"
            + "NCN-X,Nuôi con nuôi,Nuôi con nuôi,30,days,,400000,theo luật,desk,,,Luật Nuôi con nuôi 2010,\"cần xác nhận, ghi chú\"\n"
            + "HT-X,Xác nhận,Hộ tịch,3,working-days,,0,HĐND tỉnh,desk;post,,,Luật Hộ tịch 2014,\n"
        let c = try ProcedureCatalog.parse(csv: text, file: "x.csv")
        #expect(c.procedures.map(\.processingUnit) == [.days, .workingDays])
        #expect(c.procedures.first?.note == "cần xác nhận, ghi chú")
        let written = c.csv()
        #expect(written.hasPrefix("code,name,field,processing_days,unit,cutoff,"))
        #expect(written.contains("NCN-X,Nuôi con nuôi,Nuôi con nuôi,30,days,,400000,"))
        #expect(written.contains(",\"cần xác nhận, ghi chú\",\n"))
        #expect(try ProcedureCatalog.parse(csv: written, file: "y.csv") == c)
        // The built-in catalog keeps its units through a round trip too.
        let builtIn = try ProcedureCatalog.parse(csv: catalog.csv(), file: "x.csv")
        #expect(builtIn.procedure(code: "NCN-TN")?.processingUnit == .days)
    }

    /// Files made before the column existed (the old header), or with the cell left empty,
    /// mean working days; a supervisor's Vietnamese spelling is understood; nonsense is refused
    /// naming the column.
    @Test func importWithoutTheUnitColumnMeansWorkingDays() throws {
        let old = try ProcedureCatalog.parse(csv: Self.header + "A-1,Thủ tục A,Hộ tịch,20,,0,miễn,desk,,,Luật\n", file: "cu.csv")
        #expect(old.procedures.first?.processingUnit == .workingDays && old.procedures.first?.note == "")
        let withUnit = "code,name,field,processing_days,unit,fee,deliveries\n"
        let empty = try ProcedureCatalog.parse(csv: withUnit + "A,Tên,HT,3,,0,desk\nB,Tên,HT,30,Ngày,0,desk\nC,Tên,HT,3,ngày làm việc,0,desk\n", file: "x.csv")
        #expect(empty.procedures.map(\.processingUnit) == [.workingDays, .days, .workingDays])
        let bad = try #require(error("A,Tên,HT,3,weeks,0,desk\n", header: withUnit))
        #expect(bad.column == "unit" && bad.line == 2)
        #expect(bad.message(.vi).contains("'weeks'"))
    }

    @Test func processingTextSaysTheUnit() throws {
        let ncn = try #require(catalog.procedure(code: "NCN-TN"))
        #expect(ncn.processingText.vi == "30 ngày" && ncn.processingText.en == "30 days")
        #expect(ncn.processingShortText.vi == "30 ngày")
        let xnhn = try #require(catalog.procedure(code: "HT-XNHN"))
        #expect(xnhn.processingText.vi == "3 ngày làm việc" && xnhn.processingShortText.vi == "3 ngày LV")
        #expect(catalog.procedure(code: "HT-KS")?.processingShortText.vi == "trong ngày")
    }

    /// JSON written before the unit existed still decodes, as working days.
    @Test func oldProcedureJSONDecodes() throws {
        let json = #"{"code":"A","name":"A","field":"F","processingDays":3,"fee":0,"feeNote":"","deliveries":["desk"],"legalBasis":""}"#
        let p = try JSONDecoder().decode(Procedure.self, from: Data(json.utf8))
        #expect(p.processingUnit == .workingDays && p.note == "" && p.cutoffMinuteOfDay == nil)
        let days = Procedure(code: "B", name: "B", field: "F", processingDays: 30, processingUnit: .days, cutoffMinuteOfDay: nil,
                             fee: 0, feeNote: "", deliveries: [.desk], effectiveFrom: nil, effectiveTo: nil, legalBasis: "", note: "n")
        #expect(try JSONDecoder().decode(Procedure.self, from: JSONEncoder().encode(days)) == days)
    }

    /// The rows the issue asks for, each with a time, a legal basis, and a flag where a figure
    /// could not be confirmed.
    @Test func reformRows() throws {
        let bs = try #require(catalog.procedure(code: "CT-BS"))
        #expect(bs.name.contains("của nước ngoài"))
        #expect(bs.legalBasis.contains("Nghị định 07/2025/NĐ-CP"))
        // Taken over from the district on 01/07/2025 (Nghị định 120/2025/NĐ-CP).
        for code in ["HT-KS-NN", "HT-KH-NN", "HT-KT-NN", "HT-GC-KH", "HT-GC-LH"] {
            let p = try #require(catalog.procedure(code: code), "\(code)")
            #expect(p.legalBasis.contains("Nghị định 120/2025/NĐ-CP"), "\(code)")
            #expect(p.effectiveFrom == LocalDate(year: 2025, month: 7, day: 1), "\(code)")
        }
        #expect(catalog.procedure(code: "HT-KT-LT")?.legalBasis.contains("Nghị định 63/2024/NĐ-CP") == true)
        for code in ["CT-DC", "CT-PCDS", "CT-KNDS", "CT-TCDS"] {
            let p = try #require(catalog.procedure(code: code), "\(code)")
            #expect(p.processingDays == 2 && p.processingUnit == .workingDays && p.fee == 50_000, "\(code)")
        }
        let tc = try #require(catalog.procedure(code: "DD-TC"))
        #expect(tc.processingDays == 45 && tc.processingUnit == .days && tc.legalBasis.contains("151/2025"))
        #expect(catalog.procedure(code: "BTXH-KT")?.processingUnit == .days)
        // QĐ 24/2021/QĐ-TTg's period ended with 2025: every row citing it says it is to be confirmed.
        let poverty = catalog.procedures.filter { $0.legalBasis.contains("24/2021/QĐ-TTg") }
        #expect(poverty.map(\.code) == ["GN-HN", "GN-TN"])
        for p in poverty { #expect(p.note.hasPrefix("Cần xác nhận"), "\(p.code)") }
        // Every note is normalised text, and an unconfirmed figure is said so, not left silent.
        for p in catalog.procedures { #expect(p.note == VietnameseText.normalize(p.note), "\(p.code)") }
        #expect(poverty.allSatisfy { $0.needsConfirmation })
        #expect(catalog.procedure(code: "DD-TC")?.needsConfirmation == false)
        #expect(catalog.procedure(code: "HT-XNHN")?.needsConfirmation == false)
        #expect(catalog.procedure(code: "CT-DC")?.needsConfirmation == true)
    }
}

/// Issue 9: two versions of one code in one file, told apart by `effective_from`.
@Suite struct ProcedureCatalogVersionTests {
    static let header = "code,name,field,processing_days,fee,deliveries,effective_from"

    func day(_ iso: String) -> LocalDate {
        guard let d = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
        return d
    }

    @Test func theSameCodeWithAnotherEffectiveFromIsANewVersion() throws {
        let csv = Self.header + "\nHT-KS,Đăng ký khai sinh,Hộ tịch,0,0,desk,\nHT-KS,Đăng ký khai sinh,Hộ tịch,3,0,desk,2027-03-01\n"
        let catalog = try ProcedureCatalog.parse(csv: csv, file: "v.csv")
        #expect(catalog.procedures.count == 2)
        #expect(catalog.versions(code: "ht-ks").map(\.processingDays) == [0, 3])
        #expect(catalog.procedure(code: "HT-KS", on: day("2027-02-28"))?.processingDays == 0)
        #expect(catalog.procedure(code: "HT-KS", on: day("2027-03-01"))?.processingDays == 3)
        // Written and read back the same.
        #expect(try ProcedureCatalog.parse(csv: catalog.csv(), file: "again.csv") == catalog)
    }

    @Test func theSameCodeAndDateTwiceIsRefusedNamingTheLine() throws {
        let csv = Self.header + "\nHT-KS,A,Hộ tịch,0,0,desk,2027-03-01\nHT-KT,B,Hộ tịch,0,0,desk,\nHT-KS,C,Hộ tịch,3,0,desk,2027-03-01\n"
        let error = #expect(throws: CatalogError.self) { try ProcedureCatalog.parse(csv: csv, file: "d.csv") }
        #expect(error?.line == 4 && error?.column == "code")
        #expect(error?.message(.en).contains("duplicates line 2") == true)
        #expect(error?.message(.en).contains("2027-03-01") == true)
        let undated = Self.header + "\nHT-KS,A,Hộ tịch,0,0,desk,\nHT-KS,C,Hộ tịch,3,0,desk,\n"
        let again = #expect(throws: CatalogError.self) { try ProcedureCatalog.parse(csv: undated, file: "d.csv") }
        #expect(again?.line == 3)
    }

    @Test func theVersionInForceIsTheLatestStartedAndNotEnded() {
        func v(_ from: String?, _ to: String? = nil, days: Int) -> Procedure {
            Procedure(code: "X", name: "X", field: "F", processingDays: days, cutoffMinuteOfDay: nil, fee: 0, feeNote: "",
                      deliveries: [.desk], effectiveFrom: from.flatMap { LocalDate(iso: $0) }, effectiveTo: to.flatMap { LocalDate(iso: $0) },
                      legalBasis: "")
        }
        let versions = [v(nil, days: 1), v("2027-03-01", "2027-12-31", days: 2)]
        #expect(Procedure.version(in: versions, on: day("2027-02-28"))?.processingDays == 1)
        #expect(Procedure.version(in: versions, on: day("2027-03-01"))?.processingDays == 2)
        // After the newer one ends, the open-ended older one is in force again.
        #expect(Procedure.version(in: versions, on: day("2028-01-01"))?.processingDays == 1)
        let future = [v("2027-03-01", days: 5)]
        #expect(Procedure.version(in: future, on: day("2026-01-01")) == nil)
        #expect(Procedure.current(in: future, on: day("2026-01-01"))?.processingDays == 5)
    }
}
