/// What the clerk types to register a walk-in, before validation.
public struct WalkInRequest: Sendable {
    public var name: String
    public var priority: String?
    public var priorityReason: String?
    public var procedureCode: String?
    public var phone: String?
    public var idNumber: String?

    public init(name: String, priority: String? = nil, priorityReason: String? = nil,
                procedureCode: String? = nil, phone: String? = nil, idNumber: String? = nil) {
        self.name = name; self.priority = priority; self.priorityReason = priorityReason
        self.procedureCode = procedureCode; self.phone = phone; self.idNumber = idNumber
    }

    /// Checks every field; the first problem is thrown as a `FieldError` naming the field.
    public func validated(policy: PriorityPolicy, on day: LocalDate,
                          procedure lookup: (String) throws -> Procedure?) throws -> ValidWalkIn {
        let name = try Self.personName(self.name)
        let (priorityCode, reason) = try policy.validate(code: self.priority, reason: self.priorityReason)
        let code = try self.procedureCode.flatMap(TextInput.blankToNil).map { try Self.checkProcedure($0, on: day, lookup).code }
        let phone = try self.phone.flatMap(TextInput.blankToNil).map { try PhoneNumber.parse($0).digits }
        let id = try self.idNumber.flatMap(TextInput.blankToNil).map { try CitizenID.parse($0, asOf: day).digits }
        return ValidWalkIn(name: name, priorityCode: priorityCode, priorityReason: reason,
                           procedureCode: code, phone: phone, idNumber: id)
    }

    /// An applicant's name: the text rules, and no run of 6 or more digits — a CCCD or phone
    /// typed into the wrong field must not become part of a name (an organisation's name may
    /// still hold a number, "Công ty 3A").
    public static func personName(_ raw: String, field: String = "name",
                                  label: Localized = Localized(vi: "Họ và tên", en: "Full name")) throws -> String {
        try TextInput.refuseUndecodable(raw, field: field, label: label)
        let name = TextInput.capitalizingWords(try VietnameseText.validateName(raw, field: field, label: label))
        // Letters (any script, with their marks), digits and the punctuation names and
        // organisations use; `@`, `#`, `*` … are a slip of the fingers, not a name.
        let allowedPunctuation: Set<Character> = [" ", ".", ",", "-", "'", "’", "(", ")", "/", "&"]
        if let bad = name.first(where: { !($0.isLetter || $0.isNumber || allowedPunctuation.contains($0)) }) {
            throw FieldError(field: field, label: label,
                             problem: Localized(vi: "có ký tự '\(bad)' không dùng trong họ tên", en: "holds '\(bad)', which a name does not use"))
        }
        var run = 0
        for ch in name {
            run = ch.isNumber ? run + 1 : 0
            if run >= 6 {
                throw FieldError(field: field, label: label,
                                 problem: Localized(vi: "có dãy số giống CCCD hoặc số điện thoại ('\(name)'); nhập số vào đúng ô",
                                                    en: "holds a number like an ID or phone ('\(name)'); put it in its own field"))
            }
        }
        return name
    }

    /// A procedure code must be in the catalog and in force on `day` (a row whose effective dates
    /// have passed, or not yet begun, is refused with those dates); the error says where to look.
    public static func checkProcedure(_ raw: String, on day: LocalDate, _ lookup: (String) throws -> Procedure?) throws -> Procedure {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let label = Localized(vi: "Thủ tục", en: "Procedure")
        guard !code.isEmpty else {
            throw FieldError(field: "procedure", label: label,
                             problem: Localized(vi: "bắt buộc chọn thủ tục (gõ tên hoặc chữ đầu, ví dụ ks)",
                                                en: "a procedure is required (type its name or initials, e.g. ks)"))
        }
        guard let p = try lookup(code) else {
            throw FieldError(field: "procedure", label: label,
                             problem: Localized(vi: "không có mã '\(raw)' trong danh mục; xem 'motcua procedures list'",
                                                en: "no code '\(raw)' in the catalog; see 'motcua procedures list'"))
        }
        guard p.isActive(on: day) else {
            let from = p.effectiveFrom.map { $0.vietnamese } ?? "…", to = p.effectiveTo.map { $0.vietnamese } ?? "…"
            throw FieldError(field: "procedure", label: label,
                             problem: Localized(vi: "\(p.code) không còn hiệu lực ngày \(day.vietnamese) (hiệu lực \(from) – \(to))",
                                                en: "\(p.code) is not in force on \(day.iso) (in force \(from) – \(to))"))
        }
        return p
    }
}

public struct ValidWalkIn: Sendable, Hashable {
    public let name: String
    public let priorityCode: String?
    public let priorityReason: String?
    public let procedureCode: String?
    public let phone: String?
    public let idNumber: String?
}

import Foundation
