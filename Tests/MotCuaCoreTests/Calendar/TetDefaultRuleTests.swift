import Testing
@testable import MotCuaCore

/// The default Tết for a year without an announcement, checked against the announced years.
@Suite("Tết default rule and provisional days")
struct TetDefaultRuleTests {
    /// Statutory rules only: every announcement removed.
    let rulesOnly = WorkingCalendar(announcements: .empty)
    let calendar = WorkingCalendar()

    private func day(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }
    private func at(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(parsing: text)) }

    /// Weekdays off around Tết as announced (the days off between the weekends, nghỉ bù
    /// included), with the weekday of mùng 1 and the document:
    static let announced: [(year: Int, mung1Weekday: Int, weekdaysOff: [String], source: String)] = [
        (2016, 1, ["2016-02-08", "2016-02-09", "2016-02-10", "2016-02-11", "2016-02-12"], "Thông báo 4659/TB-LĐTBXH (6/2–14/2, không hoán đổi)"),
        (2017, 6, ["2017-01-26", "2017-01-27", "2017-01-30", "2017-01-31", "2017-02-01"], "Công văn 9794/VPCP-KGVX"),
        (2018, 5, ["2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"], "Thông báo 573/TB-VPCP"),
        (2019, 2, ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"], "Thông báo 3238/TB-LĐTBXH"),
        (2020, 6, ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"], "Văn bản 4544 của Bộ LĐTBXH"),
        (2021, 5, ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"], "Thông báo 4875/TB-LĐTBXH"),
        (2022, 2, ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"], "Công văn 245/VPCP-KGVX"),
        (2023, 7, ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"], "Công văn 8056/VPCP-KGVX"),
        (2024, 6, ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"], "Thông báo 5015/TB-LĐTBXH"),
        (2025, 3, ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"], "Thông báo 6150/TB-LĐTBXH"),
        (2026, 2, ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], "Thông báo 9441/TB-BNV"),
    ]

    /// Weekdays that are not working days within ten days of mùng 1.
    private func tetWeekdaysOff(_ cal: WorkingCalendar, year: Int) -> [String] {
        let newYear = LunarCalendar.newYear(year)
        return (-10...10).map { newYear.adding(days: $0) }.filter { !$0.isWeekend && !cal.isWorkingDay($0) }.map(\.iso)
    }

    @Test("the rule alone reproduces each announced year", arguments: 0..<11)
    func ruleReproducesAnnouncements(index: Int) {
        let y = Self.announced[index]
        #expect(LunarCalendar.newYear(y.year).isoWeekday == y.mung1Weekday, "\(y.year)")
        #expect(tetWeekdaysOff(rulesOnly, year: y.year) == y.weekdaysOff, "\(y.year) (\(y.source))")
        // The built-in file (where the year is entered) gives the same days.
        #expect(tetWeekdaysOff(calendar, year: y.year) == y.weekdaysOff, "\(y.year) built in")
    }

    /// The old default (last day of the year + mùng 1–4) was wrong in 6 of the 9 years 2016–2024;
    /// the rule table says which weekdays take two days before mùng 1.
    @Test func ruleTable() {
        #expect(PublicHolidays.tetDaysBeforeByWeekday == [1, 1, 2, 1, 2, 2, 2])
        let twoBefore = Self.announced.filter { [3, 5, 6, 7].contains($0.mung1Weekday) }.map(\.year)
        #expect(twoBefore == [2017, 2018, 2020, 2021, 2023, 2024, 2025])
    }

    /// Mùng 1 Đinh Mùi is Saturday 06/02/2027: off Thursday 04/02 to Wednesday 10/02, provisional.
    @Test func tet2027() throws {
        #expect(LunarCalendar.newYear(2027) == (try day("2027-02-06")))
        #expect(tetWeekdaysOff(calendar, year: 2027) == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"])
        for iso in ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] {
            let d = try #require(calendar.day(try day(iso)))
            #expect(d.provisional == ProvisionalHoliday(holiday: .tet, year: 2027), "\(iso)")
        }
        #expect(calendar.isWorkingDay(try day("2027-02-03")))
        #expect(calendar.isWorkingDay(try day("2027-02-11")))
        // The holiday list marks them; 1/1/2027 (statutory, fixed by law) is not provisional.
        let list = calendar.holidays(year: 2027)
        #expect(list.filter(\.isProvisional).map(\.date.iso)
                == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-09-03"])
        #expect(list.first { $0.date.iso == "2027-01-01" }?.isProvisional == false)
    }

    /// Received 03/02/2027 with one working day: 11/02/2027, marked, with the note.
    @Test func dueDateAcrossProvisionalTet() throws {
        let due = calendar.due(receivedAt: try at("2027-02-03 09:00"), workingDays: 1, cutoffMinuteOfDay: nil)
        #expect(due.date == (try day("2027-02-11")))
        #expect(due.isProvisional)
        #expect(due.provisional.map(\.date.iso) == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"])
        #expect(due.note?.vi == "dự kiến — chưa có thông báo nghỉ Tết 2027")
        #expect(due.note?.en == "provisional — the 2027 Tết holiday has not been announced yet")
        #expect(due.vietnameseWithMark == "11/02/2027*")
        // Not across Tết: no mark.
        let before = calendar.due(receivedAt: try at("2027-01-25 09:00"), workingDays: 3, cutoffMinuteOfDay: nil)
        #expect(before.date == (try day("2027-01-28")) && !before.isProvisional && before.note == nil)
        #expect(before.vietnameseWithMark == "28/01/2027")
        // Received on a provisional day: its start is provisional too.
        let onTet = calendar.due(receivedAt: try at("2027-02-04 09:00"), workingDays: 0, cutoffMinuteOfDay: nil)
        #expect(onTet.date == (try day("2027-02-11")) && onTet.isProvisional)
        // An announced year is not provisional.
        let announced = calendar.due(receivedAt: try at("2026-02-13 09:00"), workingDays: 3, cutoffMinuteOfDay: nil)
        #expect(announced.date == (try day("2026-02-25")) && !announced.isProvisional)
        #expect(calendar.provisionalDays(after: try day("2027-02-03"), through: try day("2027-02-05")).map(\.date.iso)
                == ["2027-02-04", "2027-02-05"])
        #expect(calendar.provisionalDays(after: try day("2027-02-05"), through: try day("2027-02-03")).isEmpty)
        // A stored due date (a dossier received earlier) gets the same mark.
        let stored = calendar.annotated(dueDate: try day("2027-02-11"), receivedAt: try at("2027-02-03 09:00"), cutoffMinuteOfDay: 900)
        #expect(stored == due)
    }

    /// Once the notice is entered, the same dates are no longer provisional, and a different
    /// announced stretch moves the due date.
    @Test func announcementEndsProvisional() throws {
        let text = CalendarAnnouncements.builtInText + """

        2027-02-05 tet Tết Đinh Mùi (29 tháng Chạp) | Thông báo 1/TB-TEST
        2027-02-08 tet Tết Đinh Mùi (mùng 3) | Thông báo 1/TB-TEST
        2027-02-09 tet Tết Đinh Mùi (mùng 4) | Thông báo 1/TB-TEST
        2027-02-10 tet Tết Đinh Mùi (mùng 5) | Thông báo 1/TB-TEST
        """
        // Entered line by line: until the fifth weekday is in, the default stays (provisional)
        // beside the lines entered, so no due date gets shorter half-way.
        let partial = WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: CalendarAnnouncements.builtInText + """

        2027-02-05 tet Tết Đinh Mùi (29 tháng Chạp) | Thông báo 1/TB-TEST
        """, fileName: "calendar.txt"))
        let half = partial.due(receivedAt: try at("2027-02-03 09:00"), workingDays: 1, cutoffMinuteOfDay: nil)
        #expect(half.date == (try day("2027-02-11")) && half.isProvisional)
        // The whole notice, differing from the default (04/02 kept open, 11/02 off): it wins.
        let entered = WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text + "\n2027-02-11 tet Tết Đinh Mùi (mùng 6) | Thông báo 1/TB-TEST", fileName: "calendar.txt"))
        let due = entered.due(receivedAt: try at("2027-02-03 09:00"), workingDays: 1, cutoffMinuteOfDay: nil)
        #expect(due.date == (try day("2027-02-04")) && !due.isProvisional && due.note == nil)
        #expect(entered.missingAnnouncements(asOf: try day("2026-11-30")).isEmpty)
    }

    @Test func missingAnnouncements() throws {
        #expect(calendar.missingAnnouncements(asOf: try day("2026-11-30")) == [ProvisionalHoliday(holiday: .tet, year: 2027)])
        // Tết 2027 is more than 150 days away in March 2026; 2/9/2026 is announced.
        #expect(calendar.missingAnnouncements(asOf: try day("2026-03-02")).isEmpty)
        // In spring 2027 the coming 2/9 is not announced yet.
        #expect(calendar.missingAnnouncements(asOf: try day("2027-06-01"))
                == [ProvisionalHoliday(holiday: .nationalDay, year: 2027)])
        let both = ProvisionalHoliday.note(for: [.init(holiday: .nationalDay, year: 2027), .init(holiday: .tet, year: 2027),
                                                 .init(holiday: .tet, year: 2027)])
        #expect(both?.vi == "dự kiến — chưa có thông báo nghỉ Tết 2027; Quốc khánh 2027")
    }

    /// Before BLLĐ 2012 the law named the Tết days: not provisional.
    @Test func lawFixedTetIsNotProvisional() throws {
        let d = try #require(rulesOnly.day(try day("2012-01-23")))
        #expect(d.kind == .holiday && !d.isProvisional)
        // 22/01/2012 (30 Tết, a Sunday) gives Thursday 26/01 in lieu.
        #expect(!rulesOnly.isWorkingDay(try day("2012-01-26")))
        #expect(rulesOnly.isWorkingDay(try day("2012-01-27")))
    }
}

@Suite("Receiving cut-off")
struct CutoffTests {
    let calendar = WorkingCalendar()
    private func at(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(parsing: text)) }

    /// Nghị định 23/2015/NĐ-CP: a request *after* 15:00 counts from the next working day;
    /// 15:00 itself is still today (Wednesday 18/03/2026, next working day Thursday 19/03).
    @Test("14:59 and 15:00 count today, 15:01 tomorrow", arguments: [
        ("2026-03-18 14:59", "2026-03-18"), ("2026-03-18 15:00", "2026-03-18"), ("2026-03-18 15:01", "2026-03-19"),
        // Friday after the cut-off: Monday.
        ("2026-03-20 15:00", "2026-03-20"), ("2026-03-20 15:01", "2026-03-23"),
    ])
    func cutoff(received: String, counted: String) throws {
        let t = try at(received)
        #expect(calendar.effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: 15 * 60).iso == counted)
        #expect(calendar.dueDate(receivedAt: t, workingDays: 0, cutoffMinuteOfDay: 15 * 60).iso == counted)
        // No cut-off: always the same day.
        #expect(calendar.effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: nil) == t.date)
    }
}
