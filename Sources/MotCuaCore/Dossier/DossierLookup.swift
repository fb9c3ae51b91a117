import Foundation

/// What the desk tells a citizen who phones or comes back to ask about their dossier: where it
/// is, in plain words, where the result is and when it is due. One wording for the desk and the
/// command line; no clerk names, no internal codes beyond the dossier's own.
public enum DossierLookup {
    /// Lines to read out, most important first.
    public static func plainWords(_ d: Dossier, procedureName: String?, today: LocalDate,
                                  calendar: WorkingCalendar) -> [Localized] {
        let name = procedureName ?? d.procedureSnapshot?.name ?? d.procedureCode
        var lines = [Localized(vi: "Hồ sơ \(d.code): \(name), người nộp \(d.applicantName), tiếp nhận ngày \(VietnamTime.local(d.receivedAt).date.vietnamese).",
                               en: "Dossier \(d.code): \(name), applicant \(d.applicantName), received on \(VietnamTime.local(d.receivedAt).date.iso).")]
        let due = d.dueDate
        switch d.status {
        case .received, .processing:
            let when: Localized
            switch d.timeliness(today: today, calendar: calendar) {
            case .dueToday: when = Localized(vi: "hẹn trả hôm nay", en: "due today")
            case .dueIn(let n): when = Localized(vi: "hẹn trả ngày \(due.vietnamese) (còn \(n) ngày làm việc)", en: "due on \(due.iso) (\(n) working days left)")
            case .late(let n) where d.wasApologised:
                when = Localized(vi: "hẹn lần đầu ngày \(d.lateAfter.vietnamese), đã quá hạn \(n) ngày làm việc; bộ phận đã xin lỗi và hẹn lại ngày \(due.vietnamese)",
                                 en: "first due on \(d.lateAfter.iso), \(n) working days late; the desk apologised and set a new date, \(due.iso)")
            case .late(let n): when = Localized(vi: "hẹn trả ngày \(due.vietnamese), đã quá hạn \(n) ngày làm việc; bộ phận sẽ liên hệ và xin lỗi, hẹn lại ngày trả",
                                               en: "was due on \(due.iso), \(n) working days late; the desk will contact you with an apology and a new date")
            case .closed: when = Localized(vi: "", en: "")
            }
            // Received but not yet handed to the officer who resolves it: said as it is.
            lines.append(d.status == .received
                ? Localized(vi: "Đã tiếp nhận, đang chuyển giải quyết; \(when.vi).", en: "Received, being passed on for processing; \(when.en).")
                : Localized(vi: "Đang được giải quyết; \(when.vi).", en: "Being processed; \(when.en)."))
        case .needsSupplement:
            let items = d.missingItems.joined(separator: "; ")
            lines.append(Localized(vi: "Cần bổ sung giấy tờ: \(items). Mang đến Bộ phận Một cửa để tiếp tục giải quyết.",
                                   en: "Documents needed: \(items). Bring them to the desk for processing to continue."))
        case .ready:
            let since = d.readyAt.map { VietnamTime.local($0).date.vietnamese } ?? ""
            if let back = d.postReturnedAt {
                // The post could not deliver it: the result waits at the desk, whatever was chosen.
                let on = VietnamTime.local(back).date
                lines.append(Localized(vi: "Bưu điện đã trả kết quả về Bộ phận Một cửa ngày \(on.vietnamese). Mời đến nhận tại quầy, mang giấy hẹn và CCCD.",
                                       en: "The post brought the result back to the desk on \(on.iso). Collect it at the desk with the receipt and an ID."))
                break
            }
            switch d.delivery {
            case .desk:
                lines.append(Localized(vi: "Đã có kết quả\(since.isEmpty ? "" : " từ ngày \(since)"). Mời đến Bộ phận Một cửa nhận, mang giấy hẹn và CCCD; người nhận thay mang CCCD của mình.",
                                       en: "The result is ready\(since.isEmpty ? "" : " since \(since)"). Collect it at the desk with the receipt and an ID; someone collecting for you brings their own ID."))
            case .post:
                lines.append(Localized(vi: "Đã có kết quả; sẽ gửi qua bưu chính công ích đến địa chỉ đã đăng ký.",
                                       en: "The result is ready and will be sent by post to the registered address."))
            case .home:
                lines.append(Localized(vi: "Đã có kết quả; cán bộ sẽ hẹn giờ mang đến nhà.",
                                       en: "The result is ready; the desk will agree a time to bring it to your home."))
            }
        case .returned:
            let on = d.closedAt.map { VietnamTime.local($0).date.vietnamese } ?? ""
            lines.append(Localized(vi: "Đã trả kết quả tại quầy ngày \(on)\(d.resultReceiver.map { " cho \($0)" } ?? "").",
                                   en: "The result was collected at the desk on \(on)\(d.resultReceiver.map { " by \($0)" } ?? "")."))
        case .posted:
            let on = d.closedAt.map { VietnamTime.local($0).date.vietnamese } ?? ""
            lines.append(Localized(vi: "Đã gửi kết quả qua bưu điện ngày \(on)\(d.trackingNumber.map { ", mã bưu gửi \($0)" } ?? "").",
                                   en: "The result was posted on \(on)\(d.trackingNumber.map { ", tracking number \($0)" } ?? "")."))
            if let delivered = d.postDeliveredAt {
                let day = VietnamTime.local(delivered).date
                lines.append(Localized(vi: "Bưu điện đã phát ngày \(day.vietnamese).", en: "The post delivered it on \(day.iso)."))
            }
        case .deliveredHome:
            let on = d.closedAt.map { VietnamTime.local($0).date.vietnamese } ?? ""
            lines.append(Localized(vi: "Đã mang kết quả đến nhà ngày \(on)\(d.resultReceiver.map { ", người nhận \($0)" } ?? "").",
                                   en: "The result was delivered home on \(on)\(d.resultReceiver.map { ", received by \($0)" } ?? "")."))
        case .rejected:
            lines.append(Localized(vi: "Hồ sơ không được giải quyết: \(d.reason ?? "").", en: "The dossier was refused: \(d.reason ?? "")."))
        case .withdrawn:
            lines.append(Localized(vi: "Hồ sơ đã rút theo đề nghị: \(d.reason ?? "").", en: "The dossier was withdrawn: \(d.reason ?? "")."))
        }
        return lines
    }
}
