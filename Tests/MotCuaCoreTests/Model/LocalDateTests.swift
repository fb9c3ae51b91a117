import Testing
import PropertyBased
@testable import MotCuaCore

@Suite struct LocalDateTests {
    @Test func rejectsImpossibleDates() {
        #expect(LocalDate(iso: "2026-02-30") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-2-3") == nil)
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2025-02-29") == nil)
        #expect(LocalDate(iso: "25/11/2026") == LocalDate(year: 2026, month: 11, day: 25))
        #expect(LocalDateTime(parsing: "2026-11-25 24:00") == nil)
        #expect(LocalDateTime(parsing: "2026-11-25 08:05")?.minuteOfDay == 485)
    }

    @Test func julianDayRoundTripsAndWeekdays() async {
        await propertyCheck(input: Gen.int(in: 2_415_021...2_524_593)) { jd in
            let d = LocalDate(julianDay: jd)
            #expect(d.julianDay == jd)
            #expect(LocalDate(iso: d.iso) == d)
        }
        #expect(LocalDate(year: 2026, month: 11, day: 25)?.isoWeekday == 3) // a Wednesday
    }

    @Test func vietnamTimeIsUTCPlus7() {
        let local = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 25)!, hour: 0, minute: 30)
        let instant = VietnamTime.instant(local)
        #expect(instant.timeIntervalSince1970 == 1_795_541_400) // 2026-11-24T17:30:00Z
        #expect(VietnamTime.local(instant) == local)
        #expect(VietnamTime.iso8601(instant) == "2026-11-25T00:30:00+07:00")
    }
}
