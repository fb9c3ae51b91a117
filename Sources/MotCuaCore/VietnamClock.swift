import Foundation

/// Vietnam time is UTC+7 all year (no daylight saving), so conversion is a fixed offset.
public enum VietnamTime {
    public static let offsetSeconds = 7 * 3600
    public static let timeZone = TimeZone(secondsFromGMT: offsetSeconds)!

    /// Day and minute-of-day in Vietnam for an instant.
    public static func local(_ date: Date) -> LocalDateTime {
        let secs = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        let days = Int(floor(Double(secs) / 86400))
        let rem = secs - days * 86400
        return LocalDateTime(date: LocalDate(julianDay: 2440588 + days), hour: rem / 3600, minute: (rem % 3600) / 60, second: rem % 60)
    }

    public static func instant(_ local: LocalDateTime) -> Date {
        let days = local.date.julianDay - 2440588
        let secs = days * 86400 + local.hour * 3600 + local.minute * 60 + local.second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }

    /// ISO 8601 with the +07:00 offset, e.g. `2026-11-25T08:05:00+07:00`.
    public static func iso8601(_ date: Date) -> String { local(date).iso8601 }
}

/// A wall-clock time in Vietnam.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
        self.date = date; self.hour = hour; self.minute = minute; self.second = second
    }

    /// Parses `YYYY-MM-DD HH:MM` (also `YYYY-MM-DDTHH:MM[:SS]`). Nil when any part is invalid.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let d = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2 || hm.count == 3, hm.allSatisfy({ $0.count == 2 }),
              let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        let s = hm.count == 3 ? Int(hm[2]) : 0
        guard let s, (0...59).contains(s) else { return nil }
        self.init(date: d, hour: h, minute: m, second: s)
    }

    public var minuteOfDay: Int { hour * 60 + minute }
    public var hhmm: String { String(format: "%02d:%02d", hour, minute) }
    public var iso8601: String { String(format: "%@T%02d:%02d:%02d+07:00", date.iso, hour, minute, second) }
    public var description: String { "\(date.iso) \(hhmm)" }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.hour, a.minute, a.second) < (b.date, b.hour, b.minute, b.second)
    }
}

/// Time is injected so that `--now` can pin it (training, tests, back-entering paper records).
public protocol Clock: Sendable {
    func now() -> Date
}

public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: Clock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public init(_ local: LocalDateTime) { self.instant = VietnamTime.instant(local) }
    public func now() -> Date { instant }
}
