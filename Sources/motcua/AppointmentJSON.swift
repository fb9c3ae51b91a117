import Foundation
import MotCuaCore
import MotCuaStore

/// An appointment as JSON: every key on every row (`null` where empty), times `HH:MM`, instants
/// ISO 8601 in Vietnam time.
struct AppointmentJSON: JSONRow {
    let id: Int64?, reference: String, day: String, time: String, end: String, minutes: Int
    let kind: String, status: String, name: String, phone: String?, idNumber: String?
    let procedures: [String], dossier: String?, address: String?, travelBefore: Int, travelAfter: Int
    let note: String?, ticket: String?, bookedAt: String, checkedInAt: String?, finishedAt: String?
    let cancelReason: String?, rescheduleCount: Int
    init(_ a: Appointment) {
        id = a.id; reference = a.reference; day = a.day.iso; time = TimeOfDay.hhmm(a.startMinute)
        end = TimeOfDay.hhmm(a.endMinute); minutes = a.minutes; kind = a.kind.rawValue; status = a.status.rawValue
        name = a.applicantName; phone = a.phone; idNumber = a.idNumber; procedures = a.procedureCodes
        dossier = a.dossierCode; address = a.address; travelBefore = a.travelBefore; travelAfter = a.travelAfter
        note = a.note; ticket = a.ticketCode; bookedAt = VietnamTime.iso8601(a.bookedAt)
        checkedInAt = a.checkedInAt.map(VietnamTime.iso8601); finishedAt = a.finishedAt.map(VietnamTime.iso8601)
        cancelReason = a.cancelReason; rescheduleCount = a.rescheduleCount
    }
}

/// A waitlist entry as JSON; `reference` is how the desk names it (`C3`).
struct WaitlistJSON: JSONRow {
    let id: Int64?, reference: String, day: String, time: String, kind: String, status: String
    let name: String, phone: String, idNumber: String?, procedures: [String]
    let createdAt: String, offeredAt: String?, offeredTime: String?, freedBy: Int64?
    /// For a closed entry: `booked` or `removed`.
    let outcome: String?
    init(_ w: WaitlistEntry) {
        outcome = w.outcome?.rawValue
        id = w.id; reference = w.reference; day = w.day.iso; time = TimeOfDay.hhmm(w.wantedMinute); kind = w.kind.rawValue
        status = w.status.rawValue; name = w.applicantName; phone = w.phone; idNumber = w.idNumber
        procedures = w.procedureCodes; createdAt = VietnamTime.iso8601(w.createdAt)
        offeredAt = w.offeredAt.map(VietnamTime.iso8601); offeredTime = w.offeredMinute.map(TimeOfDay.hhmm); freedBy = w.freedBy
    }
}

/// `appointment book`: either a place (`result: "booked"`) or the waitlist (`"waitlisted"`).
struct BookingJSON: JSONRow {
    let result: String, appointment: AppointmentJSON?, waitlist: WaitlistJSON?
    init(_ r: BookingResult) {
        switch r {
        case .booked(let a): result = "booked"; appointment = AppointmentJSON(a); waitlist = nil
        case .waitlisted(let w): result = "waitlisted"; appointment = nil; waitlist = WaitlistJSON(w)
        }
    }
}

/// A step on an appointment: the appointment after it, the ticket a check-in issued, the waitlist
/// entry a cancel offered the place to, and the message for the clerk (Vietnamese; null if none).
struct AppointmentActionJSON: JSONRow {
    let appointment: AppointmentJSON, ticket: TicketJSON?, offer: WaitlistJSON?, message: String?
    init(_ r: AppointmentActionResult, now: Date) {
        appointment = AppointmentJSON(r.appointment); ticket = r.ticket.map { TicketJSON($0, now: now) }
        offer = r.offer.map(WaitlistJSON.init); message = r.message?.vi
    }
}

struct SlotJSON: JSONRow {
    let time: String, end: String, free: Int, capacity: Int
    init(_ s: AppointmentSlot) {
        time = TimeOfDay.hhmm(s.startMinute); end = TimeOfDay.hhmm(s.startMinute + s.minutes); free = s.free; capacity = s.capacity
    }
}

/// `appointment free`: the day's hours and every start of the kind with its places left;
/// `closed` is the reason when the desk takes no appointments that day (else null).
struct FreeDayJSON: JSONRow {
    let day: String, kind: String, minutes: Int, closed: String?, makeUpDay: Bool, hours: [String], capacity: Int
    let slots: [SlotJSON]
}

/// `appointment call-list`: what was written, and where.
struct CallListJSON: JSONRow {
    let day: String, file: String, appointments: [AppointmentJSON], offers: [WaitlistJSON]
}

/// The appointment settings as `setup --json` shows them; hours per weekday `mon` … `sun`.
struct AppointmentSettingsJSON: JSONRow {
    let hours: [String: [String]], seats: Int?, guidanceMinutes: Int, submissionMinutes: Int, homeMinutes: Int
    let travelMinutes: Int, minNoticeMinutes: Int, maxDaysAhead: Int, perPersonPerDay: Int, lateAfterMinutes: Int
    let walkInWaitMinutes: Int
    init(_ s: AppointmentSettings) {
        let keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var h: [String: [String]] = [:]
        for (i, k) in keys.enumerated() { h[k] = s.hours.spans(isoWeekday: i + 1).map(\.text) }
        hours = h; seats = s.seats; guidanceMinutes = s.guidanceMinutes; submissionMinutes = s.submissionMinutes
        homeMinutes = s.homeMinutes; travelMinutes = s.travelMinutes; minNoticeMinutes = s.minNoticeMinutes
        maxDaysAhead = s.maxDaysAhead; perPersonPerDay = s.perPersonPerDay; lateAfterMinutes = s.lateAfterMinutes
        walkInWaitMinutes = s.walkInWaitMinutes
    }
}

/// `appointment waitlist-remove`: the entry taken off, and who the place held for it went to.
struct WaitlistRemovalJSON: JSONRow {
    let removed: WaitlistJSON, offer: WaitlistJSON?, message: String?
    init(_ r: WaitlistRemoval) {
        removed = WaitlistJSON(r.entry); offer = r.offer.map(WaitlistJSON.init); message = r.message?.vi
    }
}
