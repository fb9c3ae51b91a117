import Foundation

/// Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (Thông tư 03/2025/TT-VPCP, Phụ lục I;
/// sources in Slip.swift): every handover of the dossier, from its audit events, with who gave
/// it, who took it, when, the due date and the result (early / on time / late, as the 2018 form's
/// result column asked). The 2025 form's exact columns are not confirmed.
public enum ControlSheet {
    /// One handover.
    public struct Step: Hashable, Sendable {
        public var from: String
        public var to: String
        public var at: Date
        public var due: LocalDate
        public var result: String
    }

    /// The steps from the dossier's events, oldest first: the handovers still in force. An undo,
    /// a step it took back and a correction are left out (the audit log keeps them). Early / on
    /// time / late is judged on the first due date, as everywhere (`Dossier.lateAfter`): an
    /// apology moves the "Hạn" column, never the judgement.
    public static func steps(_ c: SlipContext) -> [Step] {
        let d = c.dossier
        let desk = c.profile.deskName
        let office = "Cơ quan, bộ phận giải quyết"
        let firstDue = d.dossierDueAtReceipt(c.events)
        var due = firstDue
        var out: [Step] = []
        for e in c.events.filter(\.stands).sorted(by: { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }) {
            let data = EventData.parse(e.data)
            if let newDue = data.dueDate.flatMap(LocalDate.init(iso:)), e.action != "receive" { due = newDue }
            let clerk = desk + " (" + e.actor.user + (e.actor.counter.map { ", quầy \($0)" } ?? "") + ")"
            let day = VietnamTime.local(e.at).date
            let timing = day < firstDue ? "Trước hạn" : day == firstDue ? "Đúng hạn" : "Quá hạn"
            let (from, to, what): (String, String, String)
            switch e.action {
            case "receive": (from, to, what) = (d.applicantName, clerk, "Tiếp nhận")
            case "process", "send":
                // The department or officer, when the step recorded one (`dossier send --to`).
                (from, to, what) = (clerk, data.sentTo ?? office, "Chuyển giải quyết")
            case "resume": (from, to, what) = (d.applicantName, clerk, "Đã bổ sung")
            case "ready": (from, to, what) = (office, clerk, "Có kết quả")
            case "return": (from, to, what) = (clerk, data.receiverName ?? d.applicantName, "Trả kết quả")
            case "post": (from, to, what) = (clerk, "Bưu chính" + (data.trackingNumber.map { " (\($0))" } ?? ""), "Gửi bưu chính")
            case "post-delivered": (from, to, what) = ("Bưu chính", d.applicantName, "Bưu điện đã phát")
            case "post-returned": (from, to, what) = ("Bưu chính", clerk, "Bưu điện trả lại")
            case "deliver-home": (from, to, what) = (clerk, data.receiverName ?? d.applicantName, "Trả tại nhà")
            case "supplement": (from, to, what) = (clerk, d.applicantName, "Yêu cầu bổ sung")
            case "reject": (from, to, what) = (clerk, d.applicantName, "Từ chối")
            case "withdraw": (from, to, what) = (clerk, d.applicantName, "Rút hồ sơ")
            case "apologize": (from, to, what) = (office, d.applicantName, "Xin lỗi, hẹn lại")
            default: continue
            }
            // Receipt starts the clock: it has no timing of its own.
            out.append(Step(from: from, to: to, at: e.at, due: due, result: e.action == "receive" ? what : what + " — " + timing))
        }
        return out
    }

    /// Column widths (cells), with one space between columns: 3+15+15+10+10+22 + 5 = 80.
    static let widths = [3, 15, 15, 10, 10, 22]
    static let headers = ["TT", "Bên giao", "Bên nhận", "Thời gian", "Hạn", "Kết quả"]

    public static func render(_ c: SlipContext) -> Slip {
        let d = c.dossier
        var l = c.heading(.control, subtitle: ["(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)"])
        l += SlipLayout.field("Người nộp", d.applicantName)
        l += SlipLayout.field("Thủ tục", c.procedureName)
        l += SlipLayout.field("Tiếp nhận lúc", SlipLayout.timeAndDate(d.receivedAt))
        l += SlipLayout.field("Ngày hẹn trả", c.dueText)
        if let note = c.dueNote { l += SlipLayout.wrap(note) }
        l.append("")
        let rule = String(repeating: "─", count: SlipLayout.width)
        l += [rule] + row(headers) + [rule]
        let steps = steps(c)
        if steps.isEmpty { l += SlipLayout.center("(chưa có bước nào được ghi)") }
        for (i, s) in steps.enumerated() {
            let local = VietnamTime.local(s.at)
            l += row(["\(i + 1)", s.from, s.to, local.date.vietnamese + " " + local.hhmm, s.due.vietnamese, s.result])
        }
        l += [rule]
        return Slip(lines: l)
    }

    /// One table row: each cell wrapped in its column, the row as tall as its tallest cell.
    static func row(_ cells: [String]) -> [String] {
        let wrapped = zip(cells, widths).map { SlipLayout.wrap($0, width: $1) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { i in
            let parts = zip(wrapped, widths).map { lines, w in CellWidth.pad(i < lines.count ? lines[i] : "", toCells: w) }
            return SlipLayout.trimRight(parts.joined(separator: " "))
        }
    }
}

extension Dossier {
    /// The due date given at receipt (the receive event's), else the dossier's own.
    func dossierDueAtReceipt(_ events: [AuditEvent]) -> LocalDate {
        events.first { $0.action == "receive" }.flatMap { EventData.parse($0.data).dueDate }.flatMap(LocalDate.init(iso:)) ?? dueDate
    }
}
