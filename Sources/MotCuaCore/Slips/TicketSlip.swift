import Foundation

/// The small slip a walk-in takes from the counter: the number large, the time, how many are
/// ahead, the desk. Never the citizen's CCCD or phone (the slip is left on chairs and floors).
public enum TicketSlip {
    public static func render(ticket: Ticket, peopleAhead: Int, profile: DeskProfile) -> Slip {
        var l: [String] = []
        l += SlipLayout.center(SlipLayout.upper(profile.deskName))
        l += SlipLayout.center(profile.commune + ", " + profile.province)
        l.append("")
        l += SlipLayout.center(ticket.series == .priority ? "SỐ THỨ TỰ (ƯU TIÊN)" : "SỐ THỨ TỰ")
        l.append("")
        l += SlipLayout.centerBlock(BlockDigits.render(ticket.code))
        l.append("")
        l += SlipLayout.center(ticket.code)
        let t = VietnamTime.local(ticket.issuedAt)
        l += SlipLayout.center("Giờ lấy số: \(t.hhmm) ngày \(t.date.vietnamese)")
        l += SlipLayout.center(peopleAhead == 0 ? "Không có ai chờ trước" : "Số người chờ trước: \(peopleAhead)")
        l += SlipLayout.center("Vui lòng chờ gọi số trên bảng hoặc loa.")
        return Slip(lines: l)
    }
}
