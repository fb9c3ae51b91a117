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
        // 24/11 is an announcement line (basis unconfirmed), not a statutory rule.
        #expect(d["culture-day"] == nil)
        #expect(d.count == 7)
    }

    @Test func effectiveDates() {
        // The second Quốc khánh day only from BLLĐ 2019.
        #expect(defaults(2020)["national-day-2"] == nil)
        #expect(defaults(2020)["national-day"] == ["2020-09-02"])
        // Before 01/05/2013, BLLĐ 1994 Điều 73: Tết is four days, the last of the old year and
        // mùng 1–3 (Tết Nhâm Thìn: mùng 1 is Monday 23/01/2012), written in the law itself.
        let d2012 = defaults(2012)
        #expect(d2012["new-year"] == ["2012-01-01"])
        #expect(d2012["tet-1994"] == ["2012-01-22", "2012-01-23", "2012-01-24", "2012-01-25"])
        #expect(d2012["tet"] == nil)
        #expect(d2012["hung-kings"] == ["2012-03-31"])
        #expect(d2012["victory-day"] == ["2012-04-30"] && d2012["labour-day"] == ["2012-05-01"] && d2012["national-day"] == ["2012-09-02"])
        // 2013: Tết (February) under BLLĐ 1994, 2/9 under BLLĐ 2012.
        #expect(defaults(2013)["tet-1994"]?.count == 4 && defaults(2013)["tet"] == nil)
        #expect(defaults(2014)["tet"]?.count == 5 && defaults(2014)["tet-1994"] == nil)
        // Giỗ Tổ Hùng Vương is a day off from Luật 84/2007/QH11: 26/04/2007, not 2006.
        #expect(defaults(2006)["hung-kings"] == nil)
        #expect(defaults(2007)["hung-kings"] == ["2007-04-26"])
        // Nothing before BLLĐ 1994 took effect (01/01/1995).
        #expect(defaults(1994).isEmpty)
        #expect(defaults(1995)["new-year"] == ["1995-01-01"])
    }

    /// Only the days the law leaves to the yearly announcement are provisional by default.
    @Test func practiceDefaults() {
        let provisional = Set(PublicHolidays.rules.filter(\.isPracticeDefault).map(\.id))
        #expect(provisional == ["tet", "national-day-2"])
        #expect(PublicHolidays.rules.filter(\.isPracticeDefault).allSatisfy { $0.fixedByAnnouncement != nil })
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
        // Mùng 1 Đinh Mùi is a Saturday: two days of the old year, 28 and 29 Chạp.
        #expect(tet.defaultDays(year: 2027).map(\.name.vi).first == "Tết Âm lịch Đinh Mùi (28 tháng Chạp)")
        #expect(names.last == "Tết Âm lịch Bính Ngọ (mùng 4 tháng Giêng)")
    }

    @Test func everyRuleIsNamedAndSourced() {
        #expect(Set(PublicHolidays.rules.map(\.id)).count == PublicHolidays.rules.count)
        for rule in PublicHolidays.rules {
            #expect(!rule.name.vi.isEmpty && !rule.name.en.isEmpty && !rule.legalBasis.isEmpty, "\(rule.id)")
        }
    }
}
