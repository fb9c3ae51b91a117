import Foundation
@testable import MotCuaCore

/// Hand-made rows for November 2026, counted by hand in the tests that use them.
enum NovemberFixture {
    static func day(_ d: Int, _ m: Int, _ y: Int = 2026) -> LocalDate {
        guard let date = LocalDate(year: y, month: m, day: d) else { fatalError("bad day \(d)/\(m)") }
        return date
    }
    static func at(_ d: Int, _ m: Int, _ h: Int = 9, _ min: Int = 0) -> Date {
        VietnamTime.instant(LocalDateTime(date: day(d, m), hour: h, minute: min))
    }

    static let hoTich = "Hộ tịch", chungThuc = "Chứng thực"

    static func dossier(_ code: String, field: String, received: (Int, Int), channel: Channel = .direct, due: (Int, Int),
                        status: DossierStatus, ready: (Int, Int)? = nil, closed: (Int, Int)? = nil,
                        firstDue: (Int, Int)? = nil) -> ReportDossier {
        var d = Dossier(code: code, procedureCode: field == hoTich ? "HT-KS" : "CT-CK", applicantName: "Người \(code)",
                        channel: channel, receivedAt: at(received.0, received.1), dueDate: day(due.0, due.1), status: status)
        d.readyAt = ready.map { at($0.0, $0.1, 10) }
        d.closedAt = closed.map { at($0.0, $0.1, 11) }
        d.originalDueDate = firstDue.map { day($0.0, $0.1) }
        return ReportDossier(dossier: d, catalogName: field == hoTich ? "Đăng ký khai sinh" : "Chứng thực chữ ký", catalogField: field)
    }

    /// A–M; the comment after each says where it falls in November with the figures to 30/11.
    static let dossiers: [ReportDossier] = [
        dossier("A", field: hoTich, received: (20, 10), due: (23, 10), status: .returned, ready: (22, 10), closed: (26, 10)), // out: finished in October
        dossier("B", field: hoTich, received: (27, 10), due: (3, 11), status: .returned, ready: (2, 11), closed: (4, 11)),   // carried, early
        dossier("C", field: hoTich, received: (28, 10), due: (2, 11), status: .ready, ready: (5, 11)),                      // carried, late
        dossier("D", field: hoTich, received: (29, 10), due: (30, 10), status: .processing),                                 // carried, overdue
        dossier("E", field: hoTich, received: (3, 11), channel: .online, due: (6, 11), status: .ready, ready: (6, 11)),     // online, on time
        // Apology: first due 13/11, moved to 20/11, ready 18/11: still late.
        dossier("F", field: hoTich, received: (10, 11), channel: .post, due: (20, 11), status: .posted, ready: (18, 11),
                closed: (19, 11), firstDue: (13, 11)),                                                                      // post, late
        dossier("G", field: chungThuc, received: (25, 11), due: (4, 12), status: .processing),                              // direct, within time
        dossier("H", field: chungThuc, received: (26, 11), due: (27, 11), status: .returned, ready: (2, 12), closed: (3, 12)), // direct, overdue at the end
        dossier("I", field: chungThuc, received: (12, 11), due: (13, 11), status: .withdrawn, closed: (13, 11)),             // direct, withdrawn
        dossier("J", field: chungThuc, received: (13, 11), due: (13, 11), status: .rejected, closed: (13, 11)),              // direct, rejected
        dossier("K", field: chungThuc, received: (1, 12), due: (2, 12), status: .processing),                                // out: December
        dossier("L", field: hoTich, received: (30, 10), due: (2, 11), status: .rejected, closed: (31, 10)),                 // out: refused in October
        dossier("M", field: chungThuc, received: (30, 11), due: (30, 11), status: .processing),                              // direct, due on the last day: within time
    ]

    /// A ticket of `d` November (31 stands for 1 December).
    static func ticket(_ d: Int, _ series: Ticket.Series, _ n: Int, issued: (Int, Int), called: (Int, Int)? = nil,
                       status: Ticket.Status) -> Ticket {
        let day = d > 30 ? Self.day(1, 12) : Self.day(d, 11)
        return Ticket(day: day, series: series, number: n, applicantName: "K\(n)", status: status,
                      issuedAt: VietnamTime.instant(LocalDateTime(date: day, hour: issued.0, minute: issued.1)),
                      calledAt: called.map { VietnamTime.instant(LocalDateTime(date: day, hour: $0.0, minute: $0.1)) })
    }

    /// Walk-ins: 2/11 three (waits 2, 5 and 9 minutes, the last a no-show), one undone, and an
    /// appointment's H ticket; 3/11 two (a wait of 14, one who left uncalled); 1/12 one (out).
    static let tickets: [Ticket] = [
        ticket(2, .ordinary, 1, issued: (7, 30), called: (7, 32), status: .done),
        ticket(2, .ordinary, 2, issued: (7, 40), called: (7, 45), status: .done),
        ticket(2, .priority, 1, issued: (8, 10), called: (8, 19), status: .noShow),
        ticket(2, .ordinary, 3, issued: (8, 20), status: .cancelled),
        ticket(2, .appointment, 1, issued: (9, 0), called: (9, 30), status: .done),
        ticket(3, .ordinary, 1, issued: (13, 0), called: (13, 14), status: .done),
        ticket(3, .ordinary, 2, issued: (13, 10), status: .left),
        ticket(31, .ordinary, 1, issued: (8, 0), called: (8, 1), status: .done),
    ]

    static func appointment(_ d: Int, _ m: Int, _ status: AppointmentStatus) -> Appointment {
        Appointment(day: day(d, m), startMinute: 8 * 60, minutes: 15, kind: .guidance, status: status, applicantName: "Hẹn \(d)",
                    bookedAt: at(1, 11))
    }

    static let appointments: [Appointment] = [
        appointment(2, 11, .served), appointment(3, 11, .noShow), appointment(4, 11, .cancelled),
        appointment(5, 11, .checkedIn), appointment(30, 11, .booked), appointment(1, 12, .booked),
    ]

    static var rows: ReportRows { ReportRows(dossiers: dossiers, tickets: tickets, appointments: appointments) }
    static var november: ReportPeriod { ReportPeriod.month(containing: day(1, 11)) }
}
