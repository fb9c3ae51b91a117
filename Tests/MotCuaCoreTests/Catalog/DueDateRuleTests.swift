import Foundation
import Testing
@testable import MotCuaCore

/// Due dates by the catalog's unit (issue 7). Tết 2026 as announced in holidays-vn.txt
/// (Thông báo 9441/TB-BNV): Mon 16/02 – Fri 20/02 off, with the weekends 14–15 and 21–22.
@Suite("Due date by unit")
struct DueDateRuleTests {
    let calendar = WorkingCalendar()

    private func day(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }
    private func at(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(parsing: text)) }
    private func due(_ received: String, _ n: Int, _ unit: ProcessingUnit, cutoff: Int? = nil) throws -> LocalDate {
        DueDateRule.dueDate(receivedAt: try at(received), count: n, unit: unit, cutoffMinuteOfDay: cutoff, calendar: calendar)
    }

    /// Nuôi con nuôi, 30 ngày, received Fri 16/01/2026. The day of receipt is not counted (BLDS
    /// 2015 art. 147): day 30 is Sun 15/02. It is a rest day, so the limit ends on the next
    /// working day (art. 148): 16–20 Tết, 21–22 weekend → Mon 23/02.
    @Test func calendarDaysEndingInTetMoveToTheNextWorkingDay() throws {
        #expect(try due("2026-01-16 10:00", 30, .days) == day("2026-02-23"))
        // Received the Tuesday after: day 30 is Wed 18/02 (mùng 2 Tết) → also Mon 23/02.
        #expect(try due("2026-01-20 10:00", 30, .days) == day("2026-02-23"))
        // The working-day count of the same number is a different, later date (the old rule).
        #expect(try due("2026-01-16 10:00", 30, .workingDays) == day("2026-03-06"))
    }

    /// Tết inside the period counts: received Tue 10/02/2026, day 30 is Thu 12/03/2026, a
    /// working day, so that is the due date, even though nine of the thirty days were Tết or
    /// weekends. Counted in working days it would be three weeks later.
    @Test func calendarDaysCountTetDays() throws {
        #expect(try due("2026-02-10 09:00", 30, .days) == day("2026-03-12"))
        #expect(try due("2026-02-10 09:00", 30, .workingDays) > day("2026-03-12"))
    }

    /// Received Thu 15/10/2026: day 30 is Sat 14/11 → Mon 16/11.
    @Test func calendarDaysEndingOnAWeekendMoveToMonday() throws {
        #expect(try due("2026-10-15 10:00", 30, .days) == day("2026-11-16"))
        // Day 29 is Fri 13/11, a working day: no move.
        #expect(try due("2026-10-15 10:00", 29, .days) == day("2026-11-13"))
    }

    /// The cut-off moves the receiving day, in either unit: after 15:00 on Mon 26/10/2026 the
    /// count starts from Tue 27/10, so day 30 is Thu 26/11 rather than Wed 25/11.
    @Test func cutoffAppliesToTheReceivingDay() throws {
        #expect(try due("2026-10-26 14:59", 30, .days, cutoff: 900) == day("2026-11-25"))
        // "After 15:00" (Nghị định 23/2015): 15:00 itself is still the same day, 15:01 is not.
        #expect(try due("2026-10-26 15:00", 30, .days, cutoff: 900) == day("2026-11-25"))
        #expect(try due("2026-10-26 15:01", 30, .days, cutoff: 900) == day("2026-11-26"))
        // A dossier arriving on a Sunday (online, by post) is received on Monday 19/10.
        #expect(try due("2026-10-18 10:00", 30, .days) == day("2026-11-18"))
        // 0 days: the receiving day itself, as for working days.
        #expect(try due("2026-10-26 15:30", 0, .days, cutoff: 900) == day("2026-10-27"))
        #expect(try due("2026-10-26 10:00", -3, .days) == day("2026-10-26"))
    }

    /// Over every receiving day of 2025–2026 and a spread of limits: the due date is a working
    /// day, never before day N, and every day between day N and the due date is a day off.
    @Test func calendarDaysPropertyOverTwoYears() throws {
        var d = try day("2025-01-01")
        let end = try day("2026-12-31")
        while d <= end {
            let received = LocalDateTime(date: d, hour: 9, minute: 0)
            let start = calendar.effectiveReceivingDay(receivedAt: received, cutoffMinuteOfDay: nil)
            for n in [1, 7, 15, 30, 45] {
                let due = DueDateRule.dueDate(receivedAt: received, count: n, unit: .days, cutoffMinuteOfDay: nil, calendar: calendar)
                let nth = start.adding(days: n)
                #expect(calendar.isWorkingDay(due), "\(d) +\(n) → \(due)")
                #expect(due >= nth, "\(d) +\(n) → \(due)")
                var c = nth
                while c < due { #expect(!calendar.isWorkingDay(c), "\(d) +\(n): \(c) skipped"); c = c.adding(days: 1) }
            }
            d = d.adding(days: 1)
        }
    }

    /// The receipt path: the procedure's unit picks the rule, the built-in nuôi con nuôi row is
    /// in calendar days, and a working-day row is unchanged.
    @Test func throughTheCatalogRow() throws {
        let ncn = try #require(ProcedureCatalog.builtIn.procedure(code: "NCN-TN"))
        #expect(ncn.processingDays == 30 && ncn.processingUnit == .days)
        let received = VietnamTime.instant(try at("2026-01-16 10:00"))
        #expect(DueDateRule.dueDate(procedure: ncn, receivedAt: received, calendar: calendar, profile: DeskProfile()) == (try day("2026-02-23")))
        let xnhn = try #require(ProcedureCatalog.builtIn.procedure(code: "HT-XNHN"))
        #expect(xnhn.processingUnit == .workingDays)
        // 3 working days from Fri 13/02/2026 across Tết: Wed 25/02 (as before the change).
        let tet = VietnamTime.instant(try at("2026-02-13 10:00"))
        #expect(DueDateRule.dueDate(procedure: xnhn, receivedAt: tet, calendar: calendar, profile: DeskProfile()) == (try day("2026-02-25")))
        // Hòa giải tranh chấp đất đai: not more than 30 days (Luật Đất đai 2024, Điều 235).
        let hg = try #require(ProcedureCatalog.builtIn.procedure(code: "DD-HG"))
        #expect(hg.processingDays == 30 && hg.processingUnit == .days)
        #expect(DueDateRule.dueDate(procedure: hg, receivedAt: received, calendar: calendar, profile: DeskProfile()) == (try day("2026-02-23")))
    }
}

/// A calendar-day limit is provisional only when an unannounced Tết moved its start or its end:
/// Tết days inside the period count like any other day.
@Suite struct CalendarDayProvisionalTests {
    func nuoiConNuoi() throws -> Procedure { try #require(ProcedureCatalog.builtIn.procedure(code: "NCN-TN")) }
    func at(_ s: String) throws -> Date { VietnamTime.instant(try #require(LocalDateTime(parsing: s))) }

    @Test func tetInsideThePeriodIsNoMark() throws {
        let p = try nuoiConNuoi()
        #expect(p.processingUnit == .days)
        let inside = DueDateRule.due(procedure: p, receivedAt: try at("2027-02-03 10:00"), calendar: WorkingCalendar(), profile: DeskProfile())
        #expect(inside.date == LocalDate(year: 2027, month: 3, day: 5) && !inside.isProvisional)
        // 30 days from 08/01 end on 07/02 (Sunday), moved past the default Tết to 11/02: provisional.
        let end = DueDateRule.due(procedure: p, receivedAt: try at("2027-01-08 10:00"), calendar: WorkingCalendar(), profile: DeskProfile())
        #expect(end.date == LocalDate(year: 2027, month: 2, day: 11) && end.isProvisional)
    }
}
