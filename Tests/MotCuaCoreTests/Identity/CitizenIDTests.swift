import Foundation
import Testing
@testable import MotCuaCore

@Suite struct CitizenIDTests {
    @Test func decodesCCCD() throws {
        let id = try CitizenID(parsing: "001 099 012345")
        #expect(id.kind == .cccd)
        #expect(id.digits == "001099012345")
        #expect(id.provinceCode == "001")
        #expect(id.provinceName == "Hà Nội")
        #expect(id.sex == .male)
        #expect(id.birthYear == 1999)
    }

    @Test(arguments: [
        ("079185000001", CitizenID.Sex.female, 1985),   // 1 = female, 20th century
        ("096200000002", .male, 2000),                  // 2 = male, 21st century
        ("048.305.000003", .female, 2005),              // dots stripped
        ("001412000004", .male, 2112),                  // 4 = male, 22nd century
        ("001999000005", .female, 2399),                // 9 = female, 24th century
    ])
    func decodesCenturyAndSex(_ raw: String, _ sex: CitizenID.Sex, _ year: Int) throws {
        let id = try CitizenID.parse(raw)
        #expect(id.sex == sex)
        #expect(id.birthYear == year)
    }

    @Test func acceptsOldCMND() throws {
        let id = try CitizenID(parsing: "025 123 456")
        #expect(id.kind == .cmnd)
        #expect(id.digits == "025123456")
        #expect(id.provinceCode == nil && id.sex == nil && id.birthYear == nil)
    }

    @Test func has63ProvinceCodes() {
        #expect(CitizenID.provinces.count == 63)
        #expect(CitizenID.provinces["096"] == "Cà Mau")
        #expect(CitizenID.provinces.keys.allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) })
    }

    private func problem(_ raw: String, asOf: LocalDate? = nil) -> FieldError? {
        do { _ = try CitizenID(parsing: raw, asOf: asOf); return nil } catch { return error }
    }

    @Test func refusesWrongLength() throws {
        let e = try #require(problem("00109901234"))
        #expect(e.field == "id_number")
        #expect(e.problem.vi.contains("12 số") && e.problem.vi.contains("11"))
        #expect(e.problem.en.contains("has 11"))
        #expect(problem("0010990123456") != nil)
        #expect(problem("") != nil)
    }

    @Test func refusesNonDigit() throws {
        let e = try #require(problem("00109901234O"))
        #expect(e.problem.vi.contains("'O'"))
    }

    @Test func refusesUnknownProvince() throws {
        let e = try #require(problem("003099012345"))
        #expect(e.problem.vi.contains("'003'"))
        #expect(e.problem.en.contains("province code '003'"))
        #expect(problem("097099012345") != nil)
        #expect(problem("000099012345") != nil)
    }

    @Test func refusesFutureBirthYearWhenDateGiven() throws {
        let today = try #require(LocalDate(year: 2026, month: 5, day: 1))
        #expect(problem("001412000004", asOf: today) != nil)
        #expect(problem("001226000004", asOf: today) == nil)
        #expect(problem("001227000004", asOf: today) != nil)
    }

    @Test func codableRoundTrip() throws {
        let id = try CitizenID(parsing: "001099012345")
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"001099012345\"]")
        #expect(try JSONDecoder().decode([CitizenID].self, from: data) == [id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CitizenID].self, from: Data("[\"12\"]".utf8)) }
    }
}
