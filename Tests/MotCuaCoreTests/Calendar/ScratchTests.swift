import Testing
@testable import MotCuaCore

@Test func scratchPrint() {
    for iso in ["2025-01-25","2025-01-27","2025-01-28","2025-01-29","2025-01-31","2025-02-02","2026-02-14","2026-02-16","2026-02-20","2026-02-22", "2033-12-22", "2034-01-20"] {
        let d = LocalDate(iso: iso)!
        let l = LunarCalendar.lunarDate(for: d)
        print(iso, l, LunarCalendar.dayName(l))
    }
}
