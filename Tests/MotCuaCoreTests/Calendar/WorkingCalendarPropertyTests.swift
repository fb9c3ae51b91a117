import Testing
import PropertyBased
@testable import MotCuaCore

@Suite("Working calendar properties")
struct WorkingCalendarPropertyTests {
    let calendar = WorkingCalendar()
    // 2013 (BLLĐ 2012 in force) to 2040: every rule and announcement is exercised.
    let first = LocalDate(julianDay: 2456294)   // 2013-01-01
    let last = LocalDate(julianDay: 2466520)    // 2040-12-31

    private func received(_ jd: Int, _ minute: Int) -> LocalDateTime {
        LocalDateTime(date: LocalDate(julianDay: jd), hour: minute / 60, minute: minute % 60)
    }

    @Test func rangeIsWhatItSays() {
        #expect(first.iso == "2013-01-01" && last.iso == "2040-12-31")
    }

    @Test("a due date is a working day, not before receipt, exactly N working days on")
    func dueDateInvariants() async {
        await propertyCheck(count: 300, input: Gen.int(in: first.julianDay...last.julianDay), Gen.int(in: 0...1439),
                            Gen.int(in: 0...40), Gen.bool()) { jd, minute, n, hasCutoff in
            let t = received(jd, minute)
            let cutoff = hasCutoff ? 15 * 60 : nil
            let due = calendar.dueDate(receivedAt: t, workingDays: n, cutoffMinuteOfDay: cutoff)
            let effective = calendar.effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: cutoff)
            #expect(calendar.isWorkingDay(due))
            #expect(due >= t.date)
            #expect(calendar.workingDaysBetween(effective, due) == n)
        }
    }

    @Test("more working days never gives an earlier date; a later receipt never either")
    func monotone() async {
        await propertyCheck(count: 300, input: Gen.int(in: first.julianDay...last.julianDay), Gen.int(in: 0...1439),
                            Gen.int(in: 0...40), Gen.int(in: 0...3)) { jd, minute, n, extra in
            let t = received(jd, minute)
            let due = calendar.dueDate(receivedAt: t, workingDays: n, cutoffMinuteOfDay: 900)
            #expect(calendar.dueDate(receivedAt: t, workingDays: n + extra, cutoffMinuteOfDay: 900) >= due)
            if extra > 0 {
                #expect(calendar.dueDate(receivedAt: t, workingDays: n + extra, cutoffMinuteOfDay: 900) > due)
            }
            let later = received(jd + extra, minute)
            #expect(calendar.dueDate(receivedAt: later, workingDays: n, cutoffMinuteOfDay: 900) >= due)
        }
    }

    @Test("every year has the statutory number of days off, less those that fell on weekends")
    func yearlyCount() {
        for year in 2021...2040 {
            let list = calendar.holidays(year: year)
            let offWeekdays = list.filter { !$0.isWorkingDay }.count
            let makeUps = list.filter(\.isWorkingDay).count
            // 11 statutory days (BLLĐ 2019), plus the announced 24/11 lines (not statutory: its
            // basis is unconfirmed); swaps add one off and one make-up.
            let extra = calendar.announcements.entries(year: year).filter { $0.isBasisUnconfirmed && $0.kind == .off }.count
            #expect(offWeekdays - makeUps == 11 + extra, "\(year): \(list.map(\.date.iso))")
        }
    }
}
