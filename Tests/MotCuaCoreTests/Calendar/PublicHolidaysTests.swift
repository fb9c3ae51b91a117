import Testing
@testable import MotCuaCore

@Suite("Statutory holidays")
struct PublicHolidaysTests {
    private func defaults(_ year: Int) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for rule in PublicHolidays.rules {
            let days = rule.defaultDays(year: year).map(\.date.iso)
            if !days.isEmpty { out[rule.id] = days }
        }
        return out
    }

    @Test func defaultDays2026() {
        let d = defaults(2026)
        #expect(d["new-year"] == ["2026-01-01"])
        // 29 tháng Chạp Ất Tỵ (the year's last day) and mùng 1–4 Bính Ngọ: the announced days too.
        #expect(d["tet"] == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"])
        #expect(d["hung-kings"] == ["2026-04-26"])
        #expect(d["victory-day"] == ["2026-04-30"])
        #expect(d["labour-day"] == ["2026-05-01"])
        #expect(d["national-day"] == ["2026-09-02"])
        #expect(d["national-day-2"] == ["2026-09-01"])
        #expect(d["culture-day"] == ["2026-11-24"])
    }

    @Test func effectiveDates() {
        // Ngày Văn hóa Việt Nam only from 2026; the second Quốc khánh day only from BLLĐ 2019.
        #expect(defaults(2025)["culture-day"] == nil)
        #expect(defaults(2020)["national-day-2"] == nil)
        #expect(defaults(2020)["national-day"] == ["2020-09-02"])
        // Nothing before BLLĐ 2012 took effect (01/05/2013).
        #expect(defaults(2012).isEmpty)
        #expect(defaults(2013)["new-year"] == nil)
        #expect(defaults(2013)["national-day"] == ["2013-09-02"])
    }

    /// The default side of the adjacent Quốc khánh day reproduces the announced choices.
    @Test("2/9 adjacent day", arguments: [
        (2021, "2021-09-03"), (2022, "2022-09-01"), (2023, "2023-09-01"),
        (2024, "2024-09-03"), (2025, "2025-09-01"), (2026, "2026-09-01"),
    ])
    func nationalDayAdjacent(year: Int, iso: String) {
        #expect(defaults(year)["national-day-2"] == [iso])
    }

    @Test func tetNamesCarryTheLunarDay() throws {
        let tet = try #require(PublicHolidays.rules.first { $0.id == "tet" })
        let names = tet.defaultDays(year: 2026).map(\.name.vi)
        #expect(names.first == "Tết Âm lịch Bính Ngọ (29 tháng Chạp)")
        #expect(names.last == "Tết Âm lịch Bính Ngọ (mùng 4 tháng Giêng)")
    }

    @Test func everyRuleIsNamedAndSourced() {
        #expect(Set(PublicHolidays.rules.map(\.id)).count == PublicHolidays.rules.count)
        for rule in PublicHolidays.rules {
            #expect(!rule.name.vi.isEmpty && !rule.name.en.isEmpty && !rule.legalBasis.isEmpty, "\(rule.id)")
        }
    }
}
