import Testing
@testable import MotCuaCore

@Suite("Working calendar")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar()
    /// Statutory rules only, as if no announcement had been made.
    let rulesOnly = WorkingCalendar(announcements: .empty)

    private func day(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }
    private func at(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(parsing: text)) }

    /// Received Friday 13/02/2026 with 3 working days. By hand: 14–15 weekend, 16–20 Tết
    /// (Thông báo 9441/TB-BNV), 21–22 weekend; Mon 23 (1), Tue 24 (2), Wed 25 (3).
    @Test func tet2026() throws {
        let due = calendar.dueDate(receivedAt: try at("2026-02-13 10:00"), workingDays: 3, cutoffMinuteOfDay: nil)
        #expect(due == (try day("2026-02-25")))
        for iso in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] {
            #expect(!calendar.isWorkingDay(try day(iso)), "\(iso)")
        }
        #expect(calendar.nextWorkingDay(onOrAfter: try day("2026-02-14")) == (try day("2026-02-23")))
        #expect(calendar.workingDaysBetween(try day("2026-02-13"), try day("2026-02-25")) == 3)
        #expect(calendar.workingDaysBetween(try day("2026-02-25"), try day("2026-02-13")) == -3)
        // After a 15:00 cut-off on Friday it counts as received on Monday 23.
        let late = calendar.dueDate(receivedAt: try at("2026-02-13 15:01"), workingDays: 3, cutoffMinuteOfDay: 15 * 60)
        #expect(late == (try day("2026-02-26")))
    }

    /// 24/11/2026 (Tuesday), Ngày Văn hóa Việt Nam: a line of the announcements file, not a rule.
    @Test func cultureDay2026() throws {
        #expect(!calendar.isWorkingDay(try day("2026-11-24")))
        let entry = try #require(calendar.day(try day("2026-11-24")))
        #expect(entry.reason.vi == "Ngày Văn hóa Việt Nam")
        #expect(entry.kind == .dayOff && entry.source.hasPrefix("CHƯA XÁC NHẬN"))
        // The statutory rules alone do not make it a day off: removing the line removes it.
        #expect(rulesOnly.isWorkingDay(try day("2026-11-24")))
        #expect(!PublicHolidays.rules.contains { $0.id == "culture-day" })
        let due = calendar.dueDate(receivedAt: try at("2026-11-23 09:00"), workingDays: 1, cutoffMinuteOfDay: nil)
        #expect(due == (try day("2026-11-25")))
        // Same-day procedure received after the cut-off on Monday: Tuesday is off, so Wednesday.
        let sameDay = calendar.dueDate(receivedAt: try at("2026-11-23 15:30"), workingDays: 0, cutoffMinuteOfDay: 15 * 60)
        #expect(sameDay == (try day("2026-11-25")))
        let before = calendar.dueDate(receivedAt: try at("2026-11-23 14:59"), workingDays: 0, cutoffMinuteOfDay: 15 * 60)
        #expect(before == (try day("2026-11-23")))
    }

    /// Quốc khánh 2026: off Sat 29/8 – Wed 2/9, Monday 31/8 swapped with Saturday 22/8.
    @Test func nationalDay2026() throws {
        for iso in ["2026-08-31", "2026-09-01", "2026-09-02"] { #expect(!calendar.isWorkingDay(try day(iso)), "\(iso)") }
        #expect(calendar.isWorkingDay(try day("2026-08-22")))
        #expect(calendar.isWorkingDay(try day("2026-09-03")))
        let due = calendar.dueDate(receivedAt: try at("2026-08-28 08:00"), workingDays: 1, cutoffMinuteOfDay: nil)
        #expect(due == (try day("2026-09-03")))
        // Without the announcement the default adjacent day is also 1/9, but 31/8 is a working day.
        #expect(rulesOnly.isWorkingDay(try day("2026-08-31")))
        #expect(!rulesOnly.isWorkingDay(try day("2026-09-01")))
    }

    /// Saturday 10/01/2026 is worked in exchange for Friday 02/01 (Công văn 12729/VPCP-KGVX).
    @Test func makeUpSaturday() throws {
        let saturday = try day("2026-01-10")
        #expect(calendar.isWorkingDay(saturday))
        #expect(!calendar.isWorkingDay(try day("2026-01-02")))
        #expect(calendar.dueDate(receivedAt: try at("2026-01-09 10:00"), workingDays: 1, cutoffMinuteOfDay: nil) == saturday)
        #expect(calendar.dueDate(receivedAt: try at("2026-01-10 09:00"), workingDays: 0, cutoffMinuteOfDay: nil) == saturday)
        // Received on New Year's Eve with 2 days: 1/1 holiday, 2/1 swapped, 5/1 (1), 6/1 (2).
        #expect(calendar.dueDate(receivedAt: try at("2025-12-31 10:00"), workingDays: 2, cutoffMinuteOfDay: nil) == (try day("2026-01-06")))
        let entry = try #require(calendar.day(saturday))
        #expect(entry.kind == .makeUpWorkday && entry.source.hasPrefix("Công văn 12729/VPCP-KGVX (holidays-vn.txt:"))
    }

    /// Giỗ Tổ 10/3 Bính Ngọ is Sunday 26/04/2026, so Monday 27/04 is off (BLLĐ 2019 Đ.111 k.3).
    @Test func compensatoryMonday() throws {
        let monday = try day("2026-04-27")
        #expect(!calendar.isWorkingDay(monday))
        let entry = try #require(calendar.day(monday))
        #expect(entry.kind == .compensatory)
        #expect(entry.reason.vi == "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 là Chủ nhật)")
        #expect(entry.source == PublicHolidays.compensationBasis)
        #expect(calendar.dueDate(receivedAt: try at("2026-04-24 10:00"), workingDays: 1, cutoffMinuteOfDay: nil) == (try day("2026-04-28")))
    }

    /// 2/9/2023 was a Saturday: 1/9 (Friday) adjacent, Monday 4/9 in lieu, as announced then.
    @Test func nationalDayOnSaturday2023() throws {
        #expect(!rulesOnly.isWorkingDay(try day("2023-09-01")))
        #expect(!rulesOnly.isWorkingDay(try day("2023-09-04")))
        #expect(rulesOnly.isWorkingDay(try day("2023-09-05")))
    }

    /// The announced Tết replaces the default days and their compensatory days.
    @Test func announcedTetReplacesDefault() throws {
        // An announcement that differs from the default wins: Tết Ất Tỵ fixed on 28/01–01/02
        // (as the old default had it), so Saturday 01/02 gives Monday 03/02 in lieu… only for
        // the default; the announced days get no compensatory day of their own.
        let text = (27...31).map { "2025-01-\($0) tet Tết Ất Tỵ | Thông báo 6150/TB-LĐTBXH" }.joined(separator: "\n")
        let announced = WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text, fileName: "t.txt"))
        #expect(!announced.isWorkingDay(try day("2025-01-27")))
        #expect(announced.isWorkingDay(try day("2025-02-03")))
        #expect(announced.day(try day("2025-01-29"))?.isProvisional == false)
        // Only one line of a notice entered (01/02, a Saturday): not a whole notice, so the
        // default days stay off (provisional) rather than vanish.
        let one = WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: "2025-02-01 tet Tết | X", fileName: "t.txt"))
        #expect(!one.isWorkingDay(try day("2025-01-29")))
        #expect(one.day(try day("2025-01-29"))?.isProvisional == true)
        // Announced (Thông báo 6150/TB-LĐTBXH): Monday 27/01 – Friday 31/01, back on 03/02.
        #expect(!calendar.isWorkingDay(try day("2025-01-27")))
        #expect(calendar.isWorkingDay(try day("2025-02-03")))
        // 30/4–1/5/2025: Friday 2/5 swapped with Saturday 26/4.
        #expect(!calendar.isWorkingDay(try day("2025-05-02")))
        #expect(calendar.isWorkingDay(try day("2025-04-26")))
    }

    @Test func holidayList2026() throws {
        let list = calendar.holidays(year: 2026)
        #expect(list.map(\.date.iso) == [
            "2026-01-01", "2026-01-02", "2026-01-10",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-27", "2026-04-30", "2026-05-01",
            "2026-08-22", "2026-08-31", "2026-09-01", "2026-09-02", "2026-11-24",
        ])
        #expect(list.allSatisfy { !$0.source.isEmpty && !$0.reason.vi.isEmpty && !$0.reason.en.isEmpty })
        #expect(list.filter(\.isWorkingDay).map(\.kind) == [.makeUpWorkday, .makeUpWorkday])
    }

    @Test func announcementsOverrideRules() throws {
        let text = """
        2027-04-30 work Trực phục vụ bầu cử | Quyết định 1/QĐ-UBND
        2027-05-03 off Nghỉ thêm | Quyết định 2/QĐ-UBND
        """
        let custom = WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text, fileName: "x.txt"))
        #expect(custom.isWorkingDay(try day("2027-04-30")))
        #expect(!custom.isWorkingDay(try day("2027-05-03")))
        #expect(custom.day(try day("2027-05-03"))?.source == "Quyết định 2/QĐ-UBND (x.txt:2)")
    }

    @Test func receivedOnNonWorkingDay() throws {
        // Sunday 08/03/2026 → counts as Monday 09/03; 0 days → Monday, 1 day → Tuesday.
        #expect(calendar.dueDate(receivedAt: try at("2026-03-08 10:00"), workingDays: 0, cutoffMinuteOfDay: nil) == (try day("2026-03-09")))
        #expect(calendar.dueDate(receivedAt: try at("2026-03-08 10:00"), workingDays: 1, cutoffMinuteOfDay: 900) == (try day("2026-03-10")))
        #expect(calendar.dueDate(receivedAt: try at("2026-03-10 10:00"), workingDays: -4, cutoffMinuteOfDay: nil) == (try day("2026-03-10")))
    }
}
