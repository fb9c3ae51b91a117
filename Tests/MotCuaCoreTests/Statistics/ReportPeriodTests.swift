import Testing
@testable import MotCuaCore

@Suite("Report periods")
struct ReportPeriodTests {
    let today = LocalDate(year: 2026, month: 11, day: 25)!
    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }

    @Test("month, quarter, year and a range, in both date styles; nothing given is this month")
    func parses() throws {
        let m = try ReportPeriod.parse(month: "2026-02", today: today)
        #expect((m.kind, m.start, m.end) == (.month, d(2026, 2, 1), d(2026, 2, 28)))
        #expect(try ReportPeriod.parse(month: "02/2028", today: today).end == d(2028, 2, 29))
        let q = try ReportPeriod.parse(quarter: "2026-Q4", today: today)
        #expect((q.start, q.end) == (d(2026, 10, 1), d(2026, 12, 31)))
        #expect(q.title.vi == "Quý IV/2026" && q.title.en == "Q4 2026")
        #expect(try ReportPeriod.parse(quarter: "q2/2026", today: today).start == d(2026, 4, 1))
        let y = try ReportPeriod.parse(year: "2026", today: today)
        #expect((y.start, y.end) == (d(2026, 1, 1), d(2026, 12, 31)))
        let r = try ReportPeriod.parse(from: "01/11/2026", to: "2026-11-15", today: today)
        #expect((r.kind, r.start, r.end) == (.range, d(2026, 11, 1), d(2026, 11, 15)))
        #expect(try ReportPeriod.parse(from: "2026-11-20", today: today).end == today)
        let none = try ReportPeriod.parse(today: today)
        #expect((none.start, none.end) == (d(2026, 11, 1), d(2026, 11, 30)))
        #expect(none.title.vi == "Tháng 11/2026" && none.title.en == "November 2026")
    }

    @Test("month 13, quarter 5, an end before the start, two kinds at once: refused naming the option")
    func refuses() {
        func refusal(_ body: () throws -> ReportPeriod) -> FieldError? {
            do { _ = try body(); return nil } catch let e as FieldError { return e } catch { return nil }
        }
        let m13 = refusal { try ReportPeriod.parse(month: "2026-13", today: today) }
        #expect(m13?.field == "month")
        #expect(m13?.message(.vi) == "--month: '2026-13': không có tháng 13; tháng từ 01 đến 12")
        #expect(m13?.message(.en).contains("there is no month 13") == true)
        let q5 = refusal { try ReportPeriod.parse(quarter: "2026-Q5", today: today) }
        #expect(q5?.field == "quarter" && q5?.message(.en).contains("there is no quarter 5") == true)
        let back = refusal { try ReportPeriod.parse(from: "2026-11-20", to: "2026-11-01", today: today) }
        #expect(back?.field == "to")
        #expect(back?.message(.vi).contains("kết thúc 01/11/2026 trước khi bắt đầu") == true)
        #expect(back?.message(.en).contains("ends on 2026-11-01 before it starts") == true)
        #expect(refusal { try ReportPeriod.parse(month: "2026-11", year: "2026", today: today) }?.field == "period")
        #expect(refusal { try ReportPeriod.parse(to: "2026-11-01", today: today) }?.field == "from")
        #expect(refusal { try ReportPeriod.parse(from: "31/02/2026", today: today) }?.field == "from")
        #expect(refusal { try ReportPeriod.parse(year: "26", today: today) }?.field == "year")
        #expect(refusal { try ReportPeriod.parse(month: "nov", today: today) }?.field == "month")
    }

    @Test("--from after today without --to is refused, naming --from; with --to a coming period is kept")
    func fromAfterToday() throws {
        do {
            _ = try ReportPeriod.parse(from: "2026-12-05", today: today)
            Issue.record("a first day after today became a one-day period")
        } catch let e as FieldError {
            #expect(e.field == "from")
            #expect(e.message(.vi).contains("sau hôm nay (25/11/2026)"), "\(e.message(.vi))")
        }
        let coming = try ReportPeriod.parse(from: "2026-12-05", to: "2026-12-31", today: today)
        #expect((coming.start, coming.end) == (d(2026, 12, 5), d(2026, 12, 31)))
        #expect(try ReportPeriod.parse(from: "2026-11-25", today: today).end == today)
    }

    @Test("moving a month back and on crosses the year")
    func shifts() {
        let jan = ReportPeriod.month(containing: d(2026, 1, 15))
        #expect(jan.shiftedMonths(-1).start == d(2025, 12, 1) && jan.shiftedMonths(-1).end == d(2025, 12, 31))
        #expect(jan.shiftedMonths(13).start == d(2027, 2, 1))
        // From a quarter, the month after its first month.
        let q = ReportPeriod(kind: .quarter, start: d(2026, 10, 1), end: d(2026, 12, 31))
        #expect(q.shiftedMonths(1).start == d(2026, 11, 1) && q.shiftedMonths(1).kind == .month)
    }
}
