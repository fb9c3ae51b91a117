import Foundation
import MotCuaCore
import MotCuaStore

/// Appointments (hẹn giờ) through the session: every change is one store transaction with its
/// audit event, with the working calendar in force and this counter's clerk.
extension DeskSession {
    /// Where appointments can go (the desk's hours, its seats, the working calendar).
    public func appointmentSchedule() throws -> AppointmentSchedule { try db.appointmentSchedule(calendar: calendar) }

    public func book(_ request: BookingRequest, waitlistIfFull: Bool) throws -> BookingResult {
        try db.bookAppointment(request, waitlistIfFull: waitlistIfFull, now: now, actor: actor, calendar: calendar)
    }

    public func actOnAppointment(_ request: AppointmentActionRequest) throws -> AppointmentActionResult {
        try db.actOnAppointment(request, now: now, actor: actor, calendar: calendar)
    }

    /// The next free starts of a visit of `kind` from `day` on (never before now plus the
    /// minimum notice, never beyond the booking horizon), at most `limit`.
    public func nextFreeSlots(kind: AppointmentKind, procedures: Int = 1, from day: LocalDate, limit: Int = 8,
                              excluding: Int64? = nil) throws -> [AppointmentSlot] {
        let schedule = try appointmentSchedule()
        let s = schedule.settings
        let earliest = VietnamTime.local(now.addingTimeInterval(TimeInterval(s.minNoticeMinutes * 60)))
        let last = today.adding(days: s.maxDaysAhead)
        var d = max(day, earliest.date)
        var found: [AppointmentSlot] = []
        while d <= last && found.count < limit {
            if !schedule.openSpans(d).isEmpty {
                let taken = try db.placesTaken(day: d)
                for slot in schedule.slots(on: d, kind: kind, procedures: procedures, existing: taken, excluding: excluding)
                    where slot.free > 0 && slot.start >= earliest {
                    found.append(slot)
                    if found.count == limit { break }
                }
            }
            d = d.adding(days: 1)
        }
        return found
    }

    /// Today's appointments still to come within the next `minutes` (booked: not checked in,
    /// not gone by), soonest first, for the queue screen.
    public func upcomingAppointments(within minutes: Int = 60) throws -> [Appointment] {
        let nowMinute = VietnamTime.local(now).minuteOfDay
        return try db.appointments(day: today).filter {
            $0.status == .booked && $0.startMinute >= nowMinute && $0.startMinute <= nowMinute + minutes
        }.sorted { $0.startMinute < $1.startMinute }
    }
}

/// Short Vietnamese weekday names for narrow columns (`T2` … `T7`, `CN`).
enum WeekdayShort {
    static func name(_ isoWeekday: Int, _ language: Language) -> String {
        let vi = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let i = max(1, min(7, isoWeekday)) - 1
        return language == .en ? en[i] : vi[i]
    }

    /// `T3 01/12`
    static func dayMonth(_ d: LocalDate, _ language: Language) -> String {
        String(format: "%@ %02d/%02d", name(d.isoWeekday, language), d.day, d.month)
    }
}
