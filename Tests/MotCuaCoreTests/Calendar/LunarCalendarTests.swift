import Testing
import PropertyBased
@testable import MotCuaCore

/// Dates checked against the published Vietnamese calendar (Hồ Ngọc Đức's tables, the
/// government's Tết announcements) and, for the years where they differ, the Chinese one.
@Suite("Lunar calendar")
struct LunarCalendarTests {
    private func date(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }

    @Test("Tết (mùng 1 tháng Giêng)", arguments: [
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"),
        (2000, "2000-02-05"), (2010, "2010-02-14"), (2020, "2020-01-25"),
    ])
    func tet(year: Int, iso: String) throws {
        let d = try date(iso)
        #expect(LunarCalendar.solarDate(lunarYear: year, month: 1, day: 1) == d)
        #expect(LunarCalendar.newYear(year) == d)
        #expect(LunarCalendar.lunarDate(for: d) == LunarDate(year: year, month: 1, day: 1))
        #expect(LunarCalendar.lunarDate(for: d.adding(days: -1)).month == 12)
    }

    @Test("Giỗ Tổ Hùng Vương (10/3 âm lịch)", arguments: [(2025, "2025-04-07"), (2026, "2026-04-26")])
    func hungKings(year: Int, iso: String) throws {
        let d = try date(iso)
        #expect(LunarCalendar.solarDate(lunarYear: year, month: 3, day: 10) == d)
        #expect(LunarCalendar.lunarDate(for: d) == LunarDate(year: year, month: 3, day: 10))
    }

    /// UTC+7 instead of UTC+8 moves a new moon that falls between 16:00 and 17:00 UTC to the
    /// previous day, and in 1984–85 moved the winter-solstice month.
    @Test("Years where Vietnam's Tết differs from China's", arguments: [
        (1968, "1968-01-29", "1968-01-30"), (1985, "1985-01-21", "1985-02-20"), (2007, "2007-02-17", "2007-02-18"),
    ])
    func vietnamNotChina(year: Int, vietnam: String, china: String) throws {
        let vn = try date(vietnam), cn = try date(china)
        #expect(LunarCalendar.newYear(year) == vn)
        #expect(LunarCalendar.lunarDate(for: vn) == LunarDate(year: year, month: 1, day: 1))
        #expect(LunarCalendar.lunarDate(for: cn) != LunarDate(year: year, month: 1, day: 1))
    }

    @Test func leapMonths() throws {
        // 2023 Quý Mão: tháng 2 nhuận from 22/03/2023; 2025 Ất Tỵ: tháng 6 nhuận from 25/07/2025;
        // 2033 Quý Sửu: tháng 11 nhuận from 22/12/2033 (the "2033 problem" of the Chinese rules).
        for (iso, year, month) in [("2023-03-22", 2023, 2), ("2025-07-25", 2025, 6), ("2033-12-22", 2033, 11)] {
            let d = try date(iso)
            let leap = LunarDate(year: year, month: month, day: 1, isLeapMonth: true)
            #expect(LunarCalendar.lunarDate(for: d) == leap)
            #expect(LunarCalendar.solarDate(lunarYear: year, month: month, day: 1, isLeapMonth: true) == d)
            #expect(LunarCalendar.solarDate(lunarYear: year, month: month, day: 1) != d)
        }
    }

    @Test func nonexistentLunarDates() {
        #expect(LunarCalendar.solarDate(lunarYear: 2025, month: 3, day: 1, isLeapMonth: true) == nil)
        #expect(LunarCalendar.solarDate(lunarYear: 2026, month: 1, day: 1, isLeapMonth: true) == nil)
        #expect(LunarCalendar.solarDate(lunarYear: 2025, month: 13, day: 1) == nil)
        #expect(LunarCalendar.solarDate(lunarYear: 2025, month: 1, day: 31) == nil)
        // Tháng Chạp Ất Tỵ has 29 days (Tết Bính Ngọ follows 29 Chạp, 16/02/2026).
        #expect(LunarCalendar.solarDate(lunarYear: 2025, month: 12, day: 30) == nil)
        #expect(LunarCalendar.solarDate(lunarYear: 2025, month: 12, day: 29) == LocalDate(year: 2026, month: 2, day: 16))
    }

    @Test func names() throws {
        #expect(LunarCalendar.yearName(2026) == "Bính Ngọ")
        #expect(LunarCalendar.yearName(2025) == "Ất Tỵ")
        #expect(LunarCalendar.yearName(1985) == "Ất Sửu")
        #expect(LunarCalendar.dayName(LunarCalendar.lunarDate(for: try date("2026-02-16"))) == "29 tháng Chạp")
        #expect(LunarCalendar.dayName(LunarCalendar.lunarDate(for: try date("2026-02-20"))) == "mùng 4 tháng Giêng")
    }

    @Test("solar → lunar → solar round-trips, 1900–2199")
    func roundTrip() async throws {
        let lo = try date("1900-01-01").julianDay, hi = try date("2199-12-31").julianDay
        await propertyCheck(count: 2000, input: Gen.int(in: lo...hi)) { jd in
            let d = LocalDate(julianDay: jd)
            let l = LunarCalendar.lunarDate(for: d)
            #expect((1...12).contains(l.month) && (1...30).contains(l.day))
            #expect(LunarCalendar.solarDate(lunarYear: l.year, month: l.month, day: l.day, isLeapMonth: l.isLeapMonth) == d)
        }
    }

    @Test("Tết always falls between 21 January and 20 February")
    func tetWindow() throws {
        for year in 1900...2199 {
            let t = LunarCalendar.newYear(year)
            #expect(t.year == year && (t.month == 1 ? t.day >= 21 : t.month == 2 && t.day <= 20), "\(year): \(t)")
        }
    }
}

@Suite("Lunar calendar, whole range")
struct LunarCalendarRangeTests {
    /// Every day of 1900–2199: lunar days run 1, 2, … and restart at 1 with the next month,
    /// months have 29 or 30 days, and each day converts back to itself. (A sign slipped in the
    /// new-moon series shows up here as broken months; the published code's "day 0" too.)
    @Test func everyDayIsConsistent() throws {
        var d = try #require(LocalDate(year: 1900, month: 1, day: 1))
        let end = try #require(LocalDate(year: 2199, month: 12, day: 31))
        var previous = LunarCalendar.lunarDate(for: d.adding(days: -1))
        var failures = 0
        while d <= end && failures < 10 {
            let l = LunarCalendar.lunarDate(for: d)
            let continues = l.day == previous.day + 1 && l.month == previous.month
                && l.isLeapMonth == previous.isLeapMonth && l.year == previous.year
            let restarts = l.day == 1 && (29...30).contains(previous.day)
            if !(continues || restarts)
                || LunarCalendar.solarDate(lunarYear: l.year, month: l.month, day: l.day, isLeapMonth: l.isLeapMonth) != d {
                Issue.record("\(d): \(previous) → \(l)")
                failures += 1
            }
            previous = l
            d = d.adding(days: 1)
        }
    }

    /// North Vietnam moved its calendar from UTC+8 to UTC+7 in 1967: Tết Mậu Thân was 29/1/1968
    /// in the North and 30/1 in the South, so tháng Chạp Đinh Mùi had 29 days.
    @Test func switchToUTC7() throws {
        #expect(LunarCalendar.solarDate(lunarYear: 1967, month: 12, day: 29) == LocalDate(year: 1968, month: 1, day: 28))
        #expect(LunarCalendar.solarDate(lunarYear: 1967, month: 12, day: 30) == nil)
        // Before the switch the months follow UTC+8: the new moon of 1/12/1967 at 16:10 UTC
        // began month 11 on 2/12 (it would have been 1/12 at UTC+7).
        #expect(LunarCalendar.lunarDate(for: try #require(LocalDate(iso: "1967-12-02"))) == LunarDate(year: 1967, month: 11, day: 1))
    }

    /// A new moon just after local midnight made the published code answer "day 0".
    @Test func noDayZero() throws {
        let d = try #require(LocalDate(iso: "2054-05-07"))
        #expect(LunarCalendar.lunarDate(for: d).day >= 1)
    }
}
