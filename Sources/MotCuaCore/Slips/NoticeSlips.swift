import Foundation

/// Forms 02, 03 and 05 (Thông tư 03/2025/TT-VPCP, Phụ lục I; sources in Slip.swift): letters to
/// the applicant about one dossier. Their body (addressee, the dossier received on a day for a
/// procedure, then what is missing or why) follows the 2018 forms; the exact sentences of the
/// 2025 forms could not be confirmed, so the wording here is the program's own, plain and short.
public enum SupplementSlip {
    /// Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the dossier's `missingItems` and a reason.
    public static func render(_ c: SlipContext, reason: String? = nil) throws -> Slip {
        let d = c.dossier
        guard !d.missingItems.isEmpty else {
            throw RuleViolation(code: "slip_missing_items",
                                message: Localized(vi: "Hồ sơ \(d.code) chưa ghi giấy tờ cần bổ sung; yêu cầu bổ sung trước (dossier supplement --missing …)",
                                                   en: "Dossier \(d.code) lists nothing missing; request a supplement first (dossier supplement --missing …)"))
        }
        var l = c.heading(.supplement)
        l += NoticeText.addressee(c)
        l += SlipLayout.wrap("Hồ sơ cần được bổ sung, hoàn thiện các nội dung sau:")
        for (i, item) in d.missingItems.enumerated() { l += SlipLayout.item("\(i + 1).", item) }
        if let reason = TextInput.nonBlank(reason) ?? TextInput.nonBlank(d.reason) { l += SlipLayout.field("Lý do", reason) }
        l += SlipLayout.wrap("Ông/Bà vui lòng bổ sung, hoàn thiện hồ sơ và nộp lại tại \(SlipLayout.deskInSentence(c.profile)). Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.")
        l.append("")
        l += SlipLayout.signatures(left: nil, right: ("NGƯỜI HƯỚNG DẪN", c.clerk ?? d.clerk))
        return Slip(lines: l)
    }
}

public enum RefusalSlip {
    /// Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the reason is required.
    public static func render(_ c: SlipContext, reason: String? = nil) throws -> Slip {
        try NoticeText.reasonNotice(.refusal, c, reason: reason, statement: "Hồ sơ không được tiếp nhận giải quyết.",
                                    signer: ("NGƯỜI TIẾP NHẬN HỒ SƠ", c.clerk ?? c.dossier.clerk))
    }
}

public enum StopSlip {
    /// Form 05, Thông báo dừng giải quyết hồ sơ: the reason is required.
    public static func render(_ c: SlipContext, reason: String? = nil) throws -> Slip {
        // Who signs form 05 for the authority is not confirmed; a title and a name line are left.
        try NoticeText.reasonNotice(.stop, c, reason: reason, statement: "Cơ quan có thẩm quyền thông báo dừng giải quyết hồ sơ này.",
                                    signer: ("ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT", nil))
    }
}

extension NoticeText {
    /// Forms 03 and 05: the heading, the addressee, one statement, the required reason, one signature.
    static func reasonNotice(_ form: SlipForm, _ c: SlipContext, reason: String?, statement: String,
                             signer: (String, String?)) throws -> Slip {
        let why = try requiredReason(reason ?? c.dossier.reason, dossier: c.dossier.code)
        var l = c.heading(form)
        l += addressee(c)
        l += SlipLayout.wrap(statement)
        l += SlipLayout.field("Lý do", why)
        l.append("")
        l += SlipLayout.signatures(left: nil, right: signer)
        return Slip(lines: l)
    }
}

/// Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết: the old due date, the new
/// one and the reason. The new date must be after the old one and a working day.
public enum ApologySlip {
    public static func render(_ c: SlipContext, newDue: LocalDate, reason: String?, calendar: WorkingCalendar) throws -> Slip {
        let d = c.dossier
        let why = try NoticeText.requiredReason(reason, dossier: d.code)
        try validate(newDue: newDue, oldDue: d.dueDate, calendar: calendar)
        var l = c.heading(.apology)
        l += NoticeText.addressee(c)
        l += SlipLayout.field("Ngày hẹn trả kết quả", "ngày \(c.dueText)")
        if let note = c.dueNote { l += SlipLayout.wrap(note, indent: 2).map { "  " + $0 } }
        l += SlipLayout.wrap("Đến nay hồ sơ chưa giải quyết xong, chậm so với thời hạn đã hẹn.")
        l += SlipLayout.field("Lý do", why)
        l += SlipLayout.wrap("Chúng tôi xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết.")
        l += SlipLayout.field("Ngày hẹn trả kết quả mới", "ngày \(newDue.vietnamese)")
        l.append("")
        // The signer of form 04 (the head of the authority that is late) is not confirmed.
        l += SlipLayout.signatures(left: nil, right: ("ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT", nil))
        return Slip(lines: l)
    }

    public static func validate(newDue: LocalDate, oldDue: LocalDate, calendar: WorkingCalendar) throws {
        let label = Localized(vi: "Ngày hẹn mới", en: "New due date")
        guard newDue > oldDue else {
            throw FieldError(field: "new_due", label: label,
                             problem: Localized(vi: "\(newDue.vietnamese) phải sau ngày hẹn cũ \(oldDue.vietnamese)",
                                                en: "\(newDue.iso) must be after the old due date \(oldDue.iso)"))
        }
        guard calendar.isWorkingDay(newDue) else {
            throw FieldError(field: "new_due", label: label,
                             problem: Localized(vi: "\(newDue.vietnamese) không phải ngày làm việc",
                                                en: "\(newDue.iso) is not a working day"))
        }
    }
}

enum NoticeText {
    static func addressee(_ c: SlipContext) -> [String] {
        let d = c.dossier
        var l = SlipLayout.field("Kính gửi", "Ông/Bà " + d.applicantName)
        if !c.address.isEmpty { l += SlipLayout.field("Địa chỉ", c.address) }
        if !c.phone.isEmpty { l += SlipLayout.field("Số điện thoại", c.phone) }
        l += SlipLayout.wrap("Ngày \(c.receivedDay.vietnamese), \(SlipLayout.deskInSentence(c.profile)) tiếp nhận hồ sơ mã \(d.code) của Ông/Bà, đề nghị giải quyết: \(c.procedureName).")
        return l
    }

    static func requiredReason(_ reason: String?, dossier code: String) throws -> String {
        guard let r = TextInput.nonBlank(reason) else {
            throw FieldError(field: "reason", label: Localized(vi: "Lý do", en: "Reason"),
                             problem: Localized(vi: "bắt buộc ghi lý do trên phiếu của hồ sơ \(code) (--reason)",
                                                en: "a reason is required on dossier \(code)'s slip (--reason)"))
        }
        return VietnameseText.normalize(r)
    }
}
