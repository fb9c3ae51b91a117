import Foundation
import MotCuaCore

/// Instants are stored as Vietnam-time ISO 8601 text (`2026-11-25T08:05:00+07:00`): readable in
/// the sqlite3 shell, and with a fixed offset they sort correctly as text.
enum Timestamp {
    static func text(_ date: Date) -> String { VietnamTime.iso8601(date) }

    static func date(_ text: String) -> Date? {
        guard text.hasSuffix("+07:00") else { return nil }
        return LocalDateTime(parsing: String(text.dropLast(6))).map(VietnamTime.instant)
    }

    /// Start of a Vietnam day, as stored text, for range queries.
    static func startOf(_ day: LocalDate) -> String { "\(day.iso)T00:00:00+07:00" }
}
