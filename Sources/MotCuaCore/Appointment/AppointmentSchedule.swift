import Foundation

/// A time a visit of some kind can start, and how many places are left at it.
public struct AppointmentSlot: Hashable, Sendable {
    public let day: LocalDate
    public let startMinute: Int
    public let minutes: Int
    public let free: Int
    public let capacity: Int

    public var start: LocalDateTime { LocalDateTime(date: day, hour: startMinute / 60, minute: startMinute % 60) }
    public var timeText: String { TimeOfDay.hhmm(startMinute) }
    /// `08:30 Thứ Ba 01/12/2026`
    public var spoken: String { "\(timeText) \(OpeningHours.weekdayName(day.isoWeekday)) \(day.vietnamese)" }
}

/// Why the desk takes no appointments on a day.
public struct ClosedDay: Hashable, Sendable {
    public let day: LocalDate
    public let reason: Localized
}

/// Where appointments can go: the desk's hours, the working calendar (Tết, Giỗ Tổ, compensatory
/// and swapped days closed; announced make-up Saturdays open) and the places already taken.
/// Pure: the store hands in the appointments of the days asked about.
public struct AppointmentSchedule: Sendable {
    public let settings: AppointmentSettings
    public let capacity: Int
    public let calendar: WorkingCalendar

    public init(settings: AppointmentSettings, counters: Int, calendar: WorkingCalendar) {
        self.settings = settings
        self.capacity = max(1, settings.seats(counters: counters))
        self.calendar = calendar
    }

    /// The open spans of `day`, empty when the desk is closed.
    public func openSpans(_ day: LocalDate) -> [OpenSpan] {
        if let special = calendar.day(day) {
            guard special.isWorkingDay else { return [] }
            let own = settings.hours.spans(isoWeekday: day.isoWeekday)
            return own.isEmpty ? settings.hours.workdaySpans : own
        }
        return settings.hours.spans(isoWeekday: day.isoWeekday)
    }

    /// Nil when open; else the reason, by name (`Tết Nguyên đán`, `Chủ nhật`).
    public func closure(_ day: LocalDate) -> ClosedDay? {
        guard openSpans(day).isEmpty else { return nil }
        if let special = calendar.day(day), !special.isWorkingDay { return ClosedDay(day: day, reason: special.reason) }
        let name = OpeningHours.weekdayName(day.isoWeekday)
        return ClosedDay(day: day, reason: Localized(vi: "\(name): không làm việc", en: "closed on this weekday"))
    }

    /// True when `day` is open though its weekday is normally closed (a make-up Saturday).
    public func isMakeUpDay(_ day: LocalDate) -> Bool {
        calendar.day(day)?.kind == .makeUpWorkday && settings.hours.spans(isoWeekday: day.isoWeekday).isEmpty
    }

    /// Places taken at minute `t` by `existing` (ignoring `excluding`, the one being moved).
    func occupancy(at t: Int, _ existing: [Appointment], excluding: Int64?) -> Int {
        existing.filter { $0.status.holdsPlace && ($0.id == nil || $0.id != excluding) && $0.busyFrom <= t && t < $0.busyUntil }.count
    }

    /// Places left for a visit that takes a clerk over `[from, until)`.
    public func free(from: Int, until: Int, _ existing: [Appointment], excluding: Int64? = nil) -> Int {
        // The busiest minute inside the span is at its start or where another booking starts.
        var points = [from]
        for a in existing where a.busyFrom > from && a.busyFrom < until { points.append(a.busyFrom) }
        let busiest = points.map { occupancy(at: $0, existing, excluding: excluding) }.max() ?? 0
        return max(0, capacity - busiest)
    }

    /// Length of a visit of `kind` for `procedures` procedures: a submission of several
    /// procedures takes one slot length each (at most three in one booking).
    public func minutes(kind: AppointmentKind, procedures: Int = 1) -> Int {
        settings.minutes(for: kind) * (kind == .submission ? max(1, min(3, procedures)) : 1)
    }

    /// Every start of a visit of `kind` on `day`: on the kind's grid from each open span's start
    /// (for a home delivery, after the travel there), ending (with the travel back) by its close.
    public func slots(on day: LocalDate, kind: AppointmentKind, procedures: Int = 1,
                      existing: [Appointment], excluding: Int64? = nil) -> [AppointmentSlot] {
        let length = minutes(kind: kind, procedures: procedures)
        let step = settings.minutes(for: kind)
        let travel = settings.travel(for: kind)
        var result: [AppointmentSlot] = []
        for span in openSpans(day) {
            var start = span.start + travel
            while start + length + travel <= span.end {
                let free = free(from: start - travel, until: start + length + travel, existing, excluding: excluding)
                result.append(AppointmentSlot(day: day, startMinute: start, minutes: length, free: free, capacity: capacity))
                start += step
            }
        }
        return result
    }

    /// The first slot with a free place at or after `from`, within `maxDays` days.
    public func nextFree(kind: AppointmentKind, procedures: Int = 1, from: LocalDateTime, maxDays: Int,
                         excluding: Int64? = nil, existing: (LocalDate) throws -> [Appointment]) rethrows -> AppointmentSlot? {
        for offset in 0...max(0, maxDays) {
            let day = from.date.adding(days: offset)
            if openSpans(day).isEmpty { continue }
            let taken = try existing(day)
            let fromMinute = offset == 0 ? from.minuteOfDay : 0
            if let slot = slots(on: day, kind: kind, procedures: procedures, existing: taken, excluding: excluding)
                .first(where: { $0.startMinute >= fromMinute && $0.free > 0 }) {
                return slot
            }
        }
        return nil
    }
}
