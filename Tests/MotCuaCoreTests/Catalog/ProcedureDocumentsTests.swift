import Testing
@testable import MotCuaCore

/// The papers a procedure's dossier usually holds: written in the catalog, offered at reception.
struct ProcedureDocumentsTests {
    @Test func aListReadsAndWritesBack() throws {
        let list = try ReceivedDocument.parseList(" Tờ khai:1:0;  Giấy chứng sinh:1:0 ; CCCD ;")
        #expect(list == [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0),
                         ReceivedDocument(name: "Giấy chứng sinh", originals: 1, copies: 0),
                         ReceivedDocument(name: "CCCD", originals: 0, copies: 1)])
        #expect(ReceivedDocument.listText(list) == "Tờ khai:1:0; Giấy chứng sinh:1:0; CCCD")
        #expect(try ReceivedDocument.parseList(ReceivedDocument.listText(list)) == list)
        #expect(try ReceivedDocument.parseList("  ") == [])
    }

    @Test func aBadEntryNamesTheFieldAndTheEntry() {
        let e = #expect(throws: FieldError.self) { try ReceivedDocument.parseList("Tờ khai:1:0; Giấy:một:0") }
        #expect(e?.field == "documents")
        #expect(e?.problem.vi.contains("'Giấy:một:0'") == true)
        let none = #expect(throws: FieldError.self) { try ReceivedDocument.parseList("Tờ khai:0:0") }
        #expect(none?.problem.vi.contains("ít nhất một bản") == true)
    }

    @Test func theCatalogColumnIsReadWrittenAndChecked() throws {
        let header = "code,name,field,processing_days,fee,deliveries,documents\n"
        let c = try ProcedureCatalog.parse(csv: header + "HT-X,Xác nhận,Hộ tịch,3,0,desk,\"Tờ khai:1:0; Bản sao CCCD\"\n", file: "x.csv")
        #expect(c.procedures.first?.documents == [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0),
                                                  ReceivedDocument(name: "Bản sao CCCD", originals: 0, copies: 1)])
        #expect(try ProcedureCatalog.parse(csv: c.csv(), file: "y.csv") == c)
        let bad = #expect(throws: CatalogError.self) {
            try ProcedureCatalog.parse(csv: header + "HT-X,Xác nhận,Hộ tịch,3,0,desk,Tờ khai:x:0\n", file: "x.csv")
        }
        #expect(bad?.column == "documents")
        #expect(bad?.line == 2)
    }

    @Test func theBuiltInCatalogListsBirthRegistrationPapers() throws {
        let ks = try #require(ProcedureCatalog.builtIn.procedures.first { $0.code == "HT-KS" })
        #expect(ks.documents.map(\.name) == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"])
    }

    @Test func aReceptionWithoutPapersTakesTheProceduresOwn() throws {
        let p = Procedure(code: "HT-X", name: "Xác nhận", field: "Hộ tịch", processingDays: 3, cutoffMinuteOfDay: nil, fee: 0,
                          feeNote: "", deliveries: [.desk], effectiveFrom: nil, effectiveTo: nil, legalBasis: "",
                          documents: [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0)])
        let day = try #require(LocalDate(iso: "2026-11-30"))
        let plain = try ReceiveRequest(procedureCode: "HT-X", name: "Lê Văn A").validated(on: day) { _ in p }
        #expect(plain.documents == p.documents)
        let own = try ReceiveRequest(procedureCode: "HT-X", name: "Lê Văn A", documents: [ReceivedDocument(name: "Đơn")])
            .validated(on: day) { _ in p }
        #expect(own.documents == [ReceivedDocument(name: "Đơn", originals: 0, copies: 1)])
    }
}
