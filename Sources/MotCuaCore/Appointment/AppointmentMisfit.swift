/// A booking that no longer fits the desk's rules after they changed (fewer places, shorter
/// hours, a day off announced later). Nothing is moved by itself: the desk is told, to phone.
public struct AppointmentMisfit: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// More bookings than places at this time (`taken` of `capacity`).
        case overCapacity(taken: Int, capacity: Int)
        /// The desk is closed that day (the reason by name).
        case closedDay(Localized)
        /// The visit (with its travel) is no longer inside the opening hours.
        case outsideHours
    }

    public let appointment: Appointment
    public let reason: Reason

    public var message: Localized {
        let a = appointment
        let what = "\(a.reference) \(a.applicantName) \(TimeOfDay.hhmm(a.startMinute)) \(a.day.vietnamese)"
        let whatEn = "\(a.reference) \(a.applicantName) \(TimeOfDay.hhmm(a.startMinute)) \(a.day.iso)"
        switch reason {
        case .overCapacity(let taken, let capacity):
            return Localized(vi: "Lịch hẹn \(what): giờ này có \(taken) người hẹn mà chỉ còn \(capacity) chỗ; gọi điện dời hẹn",
                             en: "Appointment \(whatEn): \(taken) booked at this time but only \(capacity) places; phone to reschedule")
        case .closedDay(let why):
            return Localized(vi: "Lịch hẹn \(what): ngày này không nhận hẹn (\(why.vi)); gọi điện dời hẹn",
                             en: "Appointment \(whatEn): no appointments that day (\(why.en)); phone to reschedule")
        case .outsideHours:
            return Localized(vi: "Lịch hẹn \(what): nằm ngoài giờ làm việc hiện hành; gọi điện dời hẹn",
                             en: "Appointment \(whatEn): outside the opening hours now in force; phone to reschedule")
        }
    }
}

extension AppointmentSchedule {
    /// The booked appointments of one day (`existing`, that day's) that no longer fit: each
    /// booking over the places at its busiest minute (the later bookings are the ones over),
    /// on a closed day, or outside the hours.
    public func misfits(_ existing: [Appointment]) -> [AppointmentMisfit] {
        let booked = existing.filter { $0.status == .booked }
            .sorted { ($0.bookedAt, $0.id ?? 0) < ($1.bookedAt, $1.id ?? 0) }
        var out: [AppointmentMisfit] = []
        var fitting: [Appointment] = existing.filter { $0.status == .checkedIn || $0.status == .served }
        for a in booked {
            if let closed = closure(a.day) { out.append(AppointmentMisfit(appointment: a, reason: .closedDay(closed.reason))); continue }
            if !openSpans(a.day).contains(where: { $0.start <= a.busyFrom && a.busyUntil <= $0.end }) {
                out.append(AppointmentMisfit(appointment: a, reason: .outsideHours)); continue
            }
            if free(from: a.busyFrom, until: a.busyUntil, fitting) == 0 {
                // The busiest minute of its visit, itself included.
                let points = [a.busyFrom] + existing.map(\.busyFrom).filter { $0 > a.busyFrom && $0 < a.busyUntil }
                let taken = points.map { occupancy(at: $0, existing, excluding: nil) }.max() ?? 1
                out.append(AppointmentMisfit(appointment: a, reason: .overCapacity(taken: taken, capacity: capacity)))
                continue
            }
            fitting.append(a)
        }
        return out
    }
}
