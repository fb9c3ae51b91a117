import Foundation
import Testing
@testable import MotCuaCore

/// The figures of `NovemberFixture`, counted by hand (the comments beside each dossier there).
@Suite("Report figures")
struct ReportFiguresTests {
    typealias F = NovemberFixture
    let calendar = WorkingCalendar()

    func counts(_ values: [WritableKeyPath<DossierCounts, Int>: Int]) -> DossierCounts {
        var c = DossierCounts()
        for (k, v) in values { c[keyPath: k] = v }
        return c
    }

    @Test("November to its end: carried over, new by channel, early / on time / late, in progress, withdrawn, rejected")
    func wholeMonth() throws {
        let r = Report.build(F.rows, period: F.november, today: F.day(5, 12), calendar: calendar)
        #expect(r.asOf == F.day(30, 11))
        #expect(r.byField.map(\.name) == [F.chungThuc, F.hoTich])
        let ct = try #require(r.byField.first { $0.key == F.chungThuc }).counts
        let ht = try #require(r.byField.first { $0.key == F.hoTich }).counts
        // Hộ tịch: B, C, D carried over; E online; F by post. B early, E on time, C and F late
        // (F's apology moved the date told, not the first one); D overdue.
        #expect(ht == counts([\.carriedOver: 3, \.newOnline: 1, \.newByPost: 1, \.early: 1, \.onTime: 1, \.late: 2, \.overdue: 1]))
        #expect(ht.received == 5 && ht.resolved == 4 && ht.inProgress == 1 && ht.onTimeRate == 0.5)
        // Chứng thực: G, H, I, J, M in person. G and M within time (M due on the last day), H
        // resolved only in December: overdue at the end; I withdrawn, J rejected.
        #expect(ct == counts([\.newDirect: 5, \.withinTime: 2, \.overdue: 1, \.withdrawn: 1, \.rejected: 1]))
        #expect(ct.onTimeRate == nil)
        #expect(r.total == ht + ct)
        #expect(r.total.received == 10 && r.total.received == r.total.resolved + r.total.inProgress + r.total.withdrawn + r.total.rejected)
        // By procedure: one procedure per field here, with its name.
        #expect(r.byProcedure.map(\.key) == ["CT-CK", "HT-KS"])
        #expect(r.byProcedure.last?.name == "Đăng ký khai sinh" && r.byProcedure.last?.counts == ht)
    }

    @Test("halfway through the month: the figures stand as on 15/11; the apology does not excuse F")
    func midMonth() throws {
        let r = Report.build(F.rows, period: F.november, today: F.day(15, 11), calendar: calendar)
        #expect(r.asOf == F.day(15, 11))
        let ht = try #require(r.byField.first { $0.key == F.hoTich }).counts
        // F: first due 13/11, its new date 20/11 not reached, not ready on 15/11: overdue.
        #expect(ht == counts([\.carriedOver: 3, \.newOnline: 1, \.newByPost: 1, \.early: 1, \.onTime: 1, \.late: 1, \.overdue: 2]))
        let ct = try #require(r.byField.first { $0.key == F.chungThuc }).counts
        #expect(ct == counts([\.newDirect: 2, \.withdrawn: 1, \.rejected: 1]))
    }

    @Test("December: H resolved late, carried over; C ready before December is out; K new")
    func nextMonth() throws {
        let r = Report.build(F.rows, period: F.november.shiftedMonths(1), today: F.day(5, 12), calendar: calendar)
        let ct = try #require(r.byField.first { $0.key == F.chungThuc }).counts
        // G (due 4/12, still open on 5/12): carried, overdue; H carried, ready 2/12 after its
        // due 27/11: late; M carried, overdue; K new in December, due 2/12: overdue.
        #expect(ct == counts([\.carriedOver: 3, \.newDirect: 1, \.late: 1, \.overdue: 3]))
        let ht = try #require(r.byField.first { $0.key == F.hoTich }).counts
        #expect(ht == counts([\.carriedOver: 1, \.overdue: 1])) // D alone
    }

    @Test("a period not started yet counts nothing")
    func future() {
        let r = Report.build(F.rows, period: F.november.shiftedMonths(2), today: F.day(5, 12), calendar: calendar)
        #expect(r.isFuture && r.byField.isEmpty && r.total.received == 0 && r.queue.walkIns == 0)
    }

    @Test("the queue: walk-ins per day and hour, waits by nearest rank, no-shows, appointments kept")
    func queue() {
        let q = Report.build(F.rows, period: F.november, today: F.day(5, 12), calendar: calendar).queue
        // The undone registration, the H ticket and December's are not walk-ins of November.
        #expect(q.walkIns == 5)
        #expect(q.perDay.map(\.count) == [3, 2] && q.perDay.map(\.day) == [F.day(2, 11), F.day(3, 11)])
        #expect(q.perHour.map(\.hour) == [7, 8, 13] && q.perHour.map(\.count) == [2, 1, 2])
        #expect(q.called == 4 && q.noShows == 1 && q.noShowRate == 0.25)
        // Waits 2, 5, 9, 14: median the 2nd (5), 90th percentile the 4th (14).
        #expect(q.waitMedian == 5 && q.waitP90 == 14)
        let a = q.appointments
        #expect((a.booked, a.came, a.noShows, a.open, a.cancelled) == (4, 2, 1, 1, 1))
        #expect(a.keptRate == 2.0 / 3.0)
        #expect(QueueStatistics.percentile([7], 0.9) == 7 && QueueStatistics.percentile([], 0.5) == nil)
        #expect(QueueStatistics.percentile(Array(1...10), 0.9) == 9 && QueueStatistics.percentile(Array(1...10), 0.5) == 5)
    }

    @Test("a dossier's field and name: the snapshot at receipt wins over today's catalog")
    func snapshotWins() throws {
        var d = try #require(F.dossiers.first).dossier
        d.procedureSnapshot = ProcedureSnapshot(Procedure(code: "HT-KS", name: "Khai sinh (cũ)", field: "Hộ tịch cũ", processingDays: 0,
                                                                  cutoffMinuteOfDay: nil, fee: 0, feeNote: "", deliveries: [.desk],
                                                                  effectiveFrom: nil, effectiveTo: nil, legalBasis: ""))
        let r = ReportDossier(dossier: d, catalogName: "Khai sinh", catalogField: "Hộ tịch")
        #expect(r.procedureName == "Khai sinh (cũ)" && r.field == "Hộ tịch cũ")
        #expect(ReportDossier(dossier: F.dossiers[0].dossier).field == "")
    }
}
