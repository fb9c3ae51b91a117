import Foundation

/// The desk's phone list (danh sách gọi điện): a day's booked appointments to remind, and the
/// places freed by a cancel that are offered to people on the waitlist. No SMS gateway works
/// offline, so the clerk phones from this page. Plain text, 80 cells wide, Vietnamese; the
/// command line writes it to a file and the desk can show or print the same text.
public struct CallList: Sendable, Hashable {
    public let day: LocalDate
    public let deskName: String
    public let madeAt: Date
    /// The day's appointments still to come (booked), by time.
    public let appointments: [Appointment]
    /// Waitlist places offered and not yet taken, still ahead.
    public let offers: [WaitlistEntry]

    public static let width = 80

    public init(day: LocalDate, deskName: String, madeAt: Date, appointments: [Appointment], offers: [WaitlistEntry]) {
        self.day = day; self.deskName = deskName; self.madeAt = madeAt
        self.appointments = appointments.filter { $0.status == .booked }
            .sorted { ($0.startMinute, $0.id ?? 0) < ($1.startMinute, $1.id ?? 0) }
        // An offered place whose time has already passed is no longer worth a call.
        let now = VietnamTime.local(madeAt)
        self.offers = offers.filter { w in
            w.status == .offered
                && LocalDateTime(date: w.day, hour: (w.offeredMinute ?? w.wantedMinute) / 60, minute: (w.offeredMinute ?? w.wantedMinute) % 60) >= now
        }
            .sorted { ($0.day, $0.offeredMinute ?? $0.wantedMinute, $0.id ?? 0) < ($1.day, $1.offeredMinute ?? $1.wantedMinute, $1.id ?? 0) }
    }

    /// `goi-dien-2026-12-01.txt`
    public static func fileName(for day: LocalDate) -> String { "goi-dien-\(day.iso).txt" }

    public static func dayName(_ d: LocalDate) -> String { "\(OpeningHours.weekdayName(d.isoWeekday)) \(d.vietnamese)" }

    /// Shown in place of a phone number the booking does not have.
    public static let noPhone = "(không có số)"

    /// The page, lines of at most `width` cells, ending with a newline.
    public var text: String {
        var lines: [String] = []
        let rule = String(repeating: "=", count: Self.width)
        let made = VietnamTime.local(madeAt)
        lines.append(fit("DANH SÁCH GỌI ĐIỆN" + (deskName.isEmpty ? "" : " — \(deskName)")))
        lines.append(fit("Lập lúc \(made.hhmm) ngày \(made.date.vietnamese); nhắc lịch hẹn ngày \(Self.dayName(day))"))
        lines.append(rule)
        lines.append("")
        lines.append(fit("1. NHẮC LỊCH HẸN NGÀY \(Self.dayName(day).uppercased()) (\(appointments.count))"))
        if appointments.isEmpty {
            lines.append("   Không có lịch hẹn nào.")
        } else {
            // Columns: 3 + 11 + 1 + 5 + 1 + 11 + 1 + 26 + 1 + 13 = 73 cells, the name cut with … if longer.
            lines.append(row(["Giờ", "Số", "Loại", "Họ tên", "Điện thoại"]))
            for a in appointments {
                lines.append(row([a.timeRange, a.reference, a.kind.label.vi, a.applicantName, a.phone ?? Self.noPhone]))
                if a.kind == .home, let address = a.address {
                    lines.append(fit("      Địa chỉ: \(address)" + (a.dossierCode.map { " — hồ sơ \($0)" } ?? "")))
                }
                if !a.procedureCodes.isEmpty && a.kind != .home {
                    lines.append(fit("      Thủ tục: \(a.procedureCodes.joined(separator: ", "))"))
                }
            }
        }
        lines.append("")
        lines.append(fit("2. CHỖ TRỐNG BÁO CHO NGƯỜI TRONG DANH SÁCH CHỜ (\(offers.count))"))
        if offers.isEmpty {
            lines.append("   Không có chỗ trống nào cần báo.")
        } else {
            for w in offers {
                let time = TimeOfDay.hhmm(w.offeredMinute ?? w.wantedMinute)
                lines.append(fit("   \(w.reference)  \(time) \(Self.dayName(w.day))  \(w.kind.label.vi)"))
                lines.append(fit("       \(w.applicantName) — \(w.phone)"))
            }
        }
        lines.append("")
        lines.append(fit("Gọi xong, ghi bên cạnh mỗi người: đã báo / không liên lạc được / huỷ / dời hẹn."))
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    private static let columns = [11, 5, 11, 26, 13]

    private func row(_ cells: [String]) -> String {
        "   " + zip(cells, Self.columns).map { CellWidth.fit(Self.clean($0), toCells: $1) }.joined(separator: " ")
    }

    private func fit(_ s: String) -> String { CellWidth.truncate(Self.clean(s), toCells: Self.width) }

    /// Stored text is already checked; a control character from an older file is never written raw.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { VietnameseText.isForbidden($0) ? "\u{FFFD}" : $0 }))
    }
}
