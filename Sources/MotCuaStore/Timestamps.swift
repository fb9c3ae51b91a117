import Foundation
import MotCuaCore

/// Instants are stored as Vietnam-time ISO 8601 text (`2026-11-25T08:05:00+07:00`): readable in
/// the sqlite3 shell, and with a fixed offset they sort correctly as text.
enum Timestamp {
    static func text(_ date: Date) -> String { VietnamTime.iso8601(date) }

    /// The stored text back to an instant. Every row read parses several of these, so the fixed
    /// format the store writes is read by hand from its bytes (no splitting, no formatter); any
    /// other text goes the general way and is refused when it is not Vietnam time.
    static func date(_ text: String) -> Date? {
        var copy = text
        let fast: Date?? = copy.withUTF8 { b in
            // YYYY-MM-DDTHH:MM:SS+07:00
            guard b.count == 25, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
                  b[19] == 0x2B, b[20] == 0x30, b[21] == 0x37, b[22] == 0x3A, b[23] == 0x30, b[24] == 0x30 else { return nil }
            guard let y = digits(b, 0, 4), let mo = digits(b, 5, 2), let d = digits(b, 8, 2),
                  let h = digits(b, 11, 2), let mi = digits(b, 14, 2), let s = digits(b, 17, 2),
                  h < 24, mi < 60, s < 60, let day = LocalDate(year: y, month: mo, day: d) else { return .some(nil) }
            return .some(VietnamTime.instant(LocalDateTime(date: day, hour: h, minute: mi, second: s)))
        }
        if let fast { return fast }
        guard text.hasSuffix("+07:00") else { return nil }
        return LocalDateTime(parsing: String(text.dropLast(6))).map(VietnamTime.instant)
    }

    /// A stored day (`2026-11-25`), read the same way; other text goes through `LocalDate(iso:)`.
    static func day(_ text: String) -> LocalDate? {
        var copy = text
        let fast: LocalDate?? = copy.withUTF8 { b in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            guard let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return .some(nil) }
            return .some(LocalDate(year: y, month: m, day: d))
        }
        if let fast { return fast }
        return LocalDate(iso: text)
    }

    /// The number written by `count` ASCII digits at `start`; nil when one is not a digit.
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var v = 0
        for i in start..<(start + count) {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// Start of a Vietnam day, as stored text, for range queries.
    static func startOf(_ day: LocalDate) -> String { "\(day.iso)T00:00:00+07:00" }
}
