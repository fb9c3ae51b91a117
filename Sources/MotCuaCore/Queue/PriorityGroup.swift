/// Who is served before the ordinary queue.
///
/// No national rule naming the priority groups or their order was found (see shared/design.md,
/// "Domain facts checked"): provinces set them in their own one-stop regulations. So the groups
/// and their order are configuration of the desk profile; these are only the defaults, and a desk
/// that enters its province's rule records the citation in `DeskProfile.priorityRuleSource`.
public struct PriorityGroup: Hashable, Sendable, Codable {
    public let code: String
    public let vi: String
    public let en: String
    /// "Other" needs the clerk to write down why.
    public let requiresReason: Bool

    public init(code: String, vi: String, en: String, requiresReason: Bool = false) {
        self.code = code; self.vi = vi; self.en = en; self.requiresReason = requiresReason
    }

    public var label: Localized { Localized(vi: vi, en: en) }

    /// Default order: earlier in the list is called first.
    public static let defaults: [PriorityGroup] = [
        PriorityGroup(code: "merit", vi: "Người có công", en: "Person with meritorious service"),
        PriorityGroup(code: "disabled", vi: "Người khuyết tật", en: "Person with a disability"),
        PriorityGroup(code: "elderly", vi: "Người cao tuổi", en: "Elderly person"),
        PriorityGroup(code: "pregnant", vi: "Phụ nữ mang thai", en: "Pregnant woman"),
        // The age limit differs between provincial regulations (commonly "dưới 36 tháng tuổi"
        // or "dưới 6 tuổi"); the label stays neutral and the desk can rename it.
        PriorityGroup(code: "child", vi: "Người đi cùng trẻ nhỏ", en: "Accompanying a small child"),
        PriorityGroup(code: "other", vi: "Ưu tiên khác", en: "Other priority", requiresReason: true),
    ]
}

/// The configured list of groups, in calling order.
public struct PriorityPolicy: Hashable, Sendable, Codable {
    public var groups: [PriorityGroup]
    public init(groups: [PriorityGroup] = PriorityGroup.defaults) { self.groups = groups }

    public func group(code: String) -> PriorityGroup? { groups.first { $0.code == code } }

    /// Lower rank is called first; nil (no priority) ranks after every group.
    public func rank(of code: String?) -> Int {
        guard let code, let i = groups.firstIndex(where: { $0.code == code }) else { return groups.count }
        return i
    }

    /// Validates a priority group given on input, with its reason when the group requires one.
    public func validate(code raw: String?, reason: String?) throws -> (code: String?, reason: String?) {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            // A reason with no group would be dropped without a word: say so instead.
            if TextInput.blankToNil(reason) != nil {
                throw FieldError(field: "priority_reason", label: Localized(vi: "Lý do ưu tiên", en: "Priority reason"),
                                 problem: Localized(vi: "chỉ ghi khi có chọn nhóm ưu tiên", en: "only given with a priority group"))
            }
            return (nil, nil)
        }
        let code = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard let group = group(code: code) else {
            let list = groups.map(\.code).joined(separator: ", ")
            throw FieldError(field: "priority",
                             label: Localized(vi: "Nhóm ưu tiên", en: "Priority group"),
                             problem: Localized(vi: "không có nhóm '\(raw)'; chọn một trong: \(list)",
                                                en: "no group '\(raw)'; choose one of: \(list)"))
        }
        let trimmedReason = try TextInput.optional(reason, field: "priority_reason",
                                                   label: Localized(vi: "Lý do ưu tiên", en: "Priority reason"), maxLength: 200)
        if group.requiresReason && trimmedReason == nil {
            throw FieldError(field: "priority_reason",
                             label: Localized(vi: "Lý do ưu tiên", en: "Priority reason"),
                             problem: Localized(vi: "bắt buộc với nhóm '\(group.vi)'",
                                                en: "required for group '\(group.en)'"))
        }
        return (code, trimmedReason)
    }
}

import Foundation
