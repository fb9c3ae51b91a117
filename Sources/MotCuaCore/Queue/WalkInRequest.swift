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
    public func validated(policy: PriorityPolicy, procedure lookup: (String) -> Procedure?) throws -> ValidWalkIn {
        let name = try Self.personName(self.name)
        let (priorityCode, reason) = try policy.validate(code: self.priority, reason: self.priorityReason)
        let code = try self.procedureCode.flatMap(Self.blankToNil).map { try Self.checkProcedure($0, lookup) }
        let phone = try self.phone.flatMap(Self.blankToNil).map { try PhoneNumber.parse($0).digits }
        let id = try self.idNumber.flatMap(Self.blankToNil).map { try CitizenID.parse($0).digits }
        return ValidWalkIn(name: name, priorityCode: priorityCode, priorityReason: reason,
                           procedureCode: code, phone: phone, idNumber: id)
    }

    /// An applicant's name: the text rules, and no run of 6 or more digits — a CCCD or phone
    /// typed into the wrong field must not become part of a name (an organisation's name may
    /// still hold a number, "Công ty 3A").
    public static func personName(_ raw: String) throws -> String {
        let name = try VietnameseText.validateName(raw, field: "name")
        var run = 0
        for ch in name {
            run = ch.isNumber ? run + 1 : 0
            if run >= 6 {
                throw FieldError(field: "name", label: Localized(vi: "Họ và tên", en: "Full name"),
                                 problem: Localized(vi: "có dãy số giống CCCD hoặc số điện thoại ('\(name)'); nhập số vào đúng ô",
                                                    en: "holds a number like an ID or phone ('\(name)'); put it in its own field"))
            }
        }
        return name
    }

    static func blankToNil(_ s: String) -> String? {
        s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s
    }

    /// A procedure code must be in the catalog; the error lists how to find the right one.
    public static func checkProcedure(_ raw: String, _ lookup: (String) -> Procedure?) throws -> String {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard let p = lookup(code) else {
            throw FieldError(field: "procedure", label: Localized(vi: "Thủ tục", en: "Procedure"),
                             problem: Localized(vi: "không có mã '\(raw)' trong danh mục; xem 'motcua procedures list'",
                                                en: "no code '\(raw)' in the catalog; see 'motcua procedures list'"))
        }
        return p.code
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
