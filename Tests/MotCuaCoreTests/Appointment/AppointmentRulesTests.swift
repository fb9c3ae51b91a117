import Foundation
import Testing
@testable import MotCuaCore

@Suite struct AppointmentRulesTests {
    let day = LocalDate(year: 2026, month: 12, day: 1)!
    func time(_ h: Int, _ m: Int) -> Date { VietnamTime.instant(LocalDateTime(date: day, hour: h, minute: m)) }
    func appt(_ kind: AppointmentKind = .guidance, status: AppointmentStatus = .booked) -> Appointment {
        Appointment(id: 3, day: day, startMinute: 9 * 60, minutes: 15, kind: kind, status: status, applicantName: "Lê Thị Hoa",
                    phone: "0912345678", bookedAt: time(7, 0))
    }

    @Test func onTimeOrEarlyKeepsThePlaceLateBeyondTheLimitQueuesAsAWalkIn() {
        let s = AppointmentSettings()
        #expect(!AppointmentRules.checkIn(appt(), now: time(8, 40), settings: s).asWalkIn)
        #expect(!AppointmentRules.checkIn(appt(), now: time(9, 15), settings: s).asWalkIn)
        let late = AppointmentRules.checkIn(appt(), now: time(9, 16), settings: s)
        #expect(late.asWalkIn && late.lateMinutes == 16)
        #expect(late.message?.vi.contains("muộn 16 phút") == true)
    }

    @Test func stepsFromTheWrongStatusOrDayAreRefused() {
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.checkIn, appt(status: .cancelled), today: day) }
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.checkIn, appt(), today: day.adding(days: 1)) }
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.checkIn, appt(.home), today: day) }
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.reschedule, appt(status: .checkedIn), today: day) }
        #expect(throws: Never.self) { try AppointmentRules.precheck(.serve, appt(), today: day) }
        var withTicket = appt(status: .checkedIn); withTicket.ticketCode = "H001"
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.serve, withTicket, today: day) }
        #expect(throws: RuleViolation.self) { try AppointmentRules.precheck(.serve, appt(.home), today: day) }
        #expect(throws: RuleViolation.self) { try AppointmentRules.checkNoShow(appt(), now: time(9, 10), settings: AppointmentSettings()) }
        #expect(throws: Never.self) { try AppointmentRules.checkNoShow(appt(), now: time(9, 16), settings: AppointmentSettings()) }
        let e = #expect(throws: FieldError.self) { _ = try AppointmentRules.cancelReason("  ") }
        #expect(e?.field == "reason")
    }

    @Test func theTicketDecidesTheAppointmentsEnd() {
        var t = Ticket(day: day, series: .appointment, number: 1, applicantName: "x", issuedAt: time(8, 50), appointmentId: 3)
        t.status = .done
        #expect(AppointmentRules.status(afterTicket: t) == .served)
        t.status = .noShow
        #expect(AppointmentRules.status(afterTicket: t) == .noShow)
        t.status = .called
        #expect(AppointmentRules.status(afterTicket: t) == .checkedIn)
    }

    @Test func theFirstWaitingPersonOfTheSameDayAndKindIsOffered() {
        let base = time(7, 0)
        let list = [
            WaitlistEntry(id: 1, day: day, wantedMinute: 540, kind: .submission, applicantName: "A", phone: "0911111111", createdAt: base),
            WaitlistEntry(id: 2, day: day, wantedMinute: 600, kind: .guidance, applicantName: "B", phone: "0922222222", createdAt: base.addingTimeInterval(60)),
            WaitlistEntry(id: 3, day: day, wantedMinute: 540, kind: .guidance, applicantName: "C", phone: "0933333333", createdAt: base.addingTimeInterval(120)),
            WaitlistEntry(id: 4, day: day.adding(days: 1), wantedMinute: 540, kind: .guidance, applicantName: "D", phone: "0944444444", createdAt: base.addingTimeInterval(-60)),
        ]
        #expect(WaitlistEntry.offer(for: appt(), in: list)?.applicantName == "B")
        var noPhone = appt(); noPhone.phone = nil
        #expect(throws: FieldError.self) { _ = try WaitlistEntry.from(noPhone, now: base) }
    }

    @Test func settingsFromAnOlderProfileKeepTheirDefaults() throws {
        let json = #"{"province":"Tỉnh X","counters":3,"appointments":{"seats":1}}"#
        let p = try JSONDecoder().decode(DeskProfile.self, from: Data(json.utf8))
        #expect(p.appointments.seats == 1)
        #expect(p.appointments.guidanceMinutes == 15)
        #expect(p.appointments.hours == .standard)
        let old = try JSONDecoder().decode(DeskProfile.self, from: Data(#"{"counters":2}"#.utf8))
        #expect(old.appointments == AppointmentSettings())
        var bad = AppointmentSettings(); bad.seats = 0
        #expect((#expect(throws: FieldError.self) { _ = try bad.validated() })?.field == "seats")
    }
}
