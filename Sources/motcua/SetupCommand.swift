import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "setup", abstract: "Cài đặt thông tin bộ phận (desk profile). Without options, shows it.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Tỉnh/thành phố (province)") var province: String?
    @Option(help: "Xã/phường (commune)") var commune: String?
    @Option(name: .customLong("desk-name"), help: "Tên bộ phận, ví dụ 'Trung tâm Phục vụ hành chính công xã'") var deskName: String?
    @Option(name: .customLong("desk-code"), help: "Mã bộ phận (2–8 chữ/số), đầu mã hồ sơ") var deskCode: String?
    @Option(help: "Số quầy (number of counters)") var counters: Int?
    @Option(help: "Giờ chốt mặc định (default cut-off), HH:MM, or 'none'") var cutoff: String?
    @Option(help: "Cán bộ của bộ phận, cách nhau bởi dấu ; (clerks, separated by ;); the desk asks which one is at the counter")
    var clerks: String?

    /// The profile with the options applied; every value checked. Run against a new desk's
    /// defaults before a file that does not exist yet is created, so a refused setup leaves nothing.
    func applied(to profile: DeskProfile) throws -> DeskProfile {
        var p = profile
        if let province { p.province = try TextInput.required(province, field: "province", label: Localized(vi: "Tỉnh", en: "Province"), maxLength: 100) }
        if let commune { p.commune = try TextInput.required(commune, field: "commune", label: Localized(vi: "Xã", en: "Commune"), maxLength: 100) }
        if let deskName { p.deskName = try TextInput.required(deskName, field: "desk_name", label: Localized(vi: "Tên bộ phận", en: "Desk name"), maxLength: 120) }
        if let deskCode { p.deskCode = try DeskProfile.validateDeskCode(deskCode) }
        if let counters {
            guard (1...99).contains(counters) else {
                throw FieldError(field: "counters", label: Localized(vi: "Số quầy", en: "Counters"),
                                 problem: Localized(vi: "phải từ 1 đến 99", en: "must be between 1 and 99"))
            }
            p.counters = counters
        }
        if let cutoff {
            if cutoff.lowercased() == "none" { p.defaultCutoffMinute = nil } else {
                let parts = cutoff.split(separator: ":")
                guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else {
                    throw FieldError(field: "cutoff", label: Localized(vi: "Giờ chốt", en: "Cut-off"),
                                     problem: Localized(vi: "'\(cutoff)' không hợp lệ; dạng đúng HH:MM, ví dụ 15:00", en: "'\(cutoff)' is not valid; expected HH:MM, e.g. 15:00"))
                }
                p.defaultCutoffMinute = h * 60 + m
            }
        }
        if let clerks {
            let label = Localized(vi: "Cán bộ", en: "Clerks")
            let names = try clerks.split(separator: ";").compactMap { part -> String? in
                TextInput.nonBlank(String(part)) == nil ? nil : try WalkInRequest.personName(String(part), field: "clerks", label: label)
            }
            var seen = Set<String>()
            if let twice = names.first(where: { !seen.insert(VietnameseText.fold($0)).inserted }) {
                throw FieldError(field: "clerks", label: label,
                                 problem: Localized(vi: "'\(twice)' có hai lần", en: "'\(twice)' is listed twice"))
            }
            guard names.count <= 9 else {
                throw FieldError(field: "clerks", label: label,
                                 problem: Localized(vi: "tối đa 9 người (chọn bằng phím 1–9)", en: "at most 9 (chosen with keys 1–9)"))
            }
            p.clerks = names
        }
        return p
    }

    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openDatabase { profile, _, _ in _ = try applied(to: profile) }
            let changed = [province, commune, deskName, deskCode, cutoff, clerks].contains { $0 != nil } || counters != nil
            let p = try applied(to: try db.profile())
            if changed { try db.saveProfile(p, now: try global.clock().now(), actor: try global.actor(counter: nil)) }
            if global.json { Output.print(Output.json(ProfileJSON(p))); return }
            let vi = lang == .vi
            Output.print(Output.table(["", ""], [
                [vi ? "Tỉnh" : "Province", p.province], [vi ? "Xã" : "Commune", p.commune],
                [vi ? "Tên bộ phận" : "Desk name", p.deskName], [vi ? "Mã bộ phận" : "Desk code", p.deskCode],
                [vi ? "Số quầy" : "Counters", String(p.counters)],
                [vi ? "Giờ chốt mặc định" : "Default cut-off", p.defaultCutoffMinute.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) } ?? "—"],
                [vi ? "Cán bộ" : "Clerks", p.clerks.isEmpty ? "—" : p.clerks.joined(separator: "; ")],
                // Labels, not codes: no `merit > disabled` in a Vietnamese line.
                [vi ? "Nhóm ưu tiên (theo thứ tự gọi)" : "Priority groups (calling order)",
                 p.priority.groups.map { $0.label.text(lang) }.joined(separator: " › ")],
            ]).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        }
    }
}

/// The desk profile as JSON: every key on every call (`null` where unset), the cut-off as
/// `HH:MM` like the catalog's, priority groups by code in calling order.
struct ProfileJSON: JSONRow {
    let province: String, commune: String, deskName: String, deskCode: String, counters: Int
    let cutoff: String?, clerks: [String], priorityGroups: [String], priorityRuleSource: String?
    init(_ p: DeskProfile) {
        province = p.province; commune = p.commune; deskName = p.deskName; deskCode = p.deskCode; counters = p.counters
        cutoff = p.defaultCutoffMinute.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) }
        clerks = p.clerks; priorityGroups = p.priority.groups.map(\.code); priorityRuleSource = p.priorityRuleSource
    }
}
