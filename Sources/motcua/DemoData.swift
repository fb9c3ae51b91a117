import Foundation
import MotCuaCore

/// Names and places of a southern commune, for demonstration and training.
enum DemoData {
    static let surnames = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
                           "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let maleMiddle = ["Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân"]
    static let femaleMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng"]
    static let maleGiven = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phúc",
                            "Quang", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Sự", "Lộc"]
    static let femaleGiven = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai",
                              "Ngân", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Tuyết", "Yến"]
    static let hamlets = ["Ấp Bình Lợi", "Ấp Tân Hòa", "Ấp Phú Thạnh", "Ấp 3", "Ấp Cây Gáo", "Tổ 5, ấp Trung Tâm"]

    static func name(_ rng: inout SeededRandom) -> (name: String, female: Bool) {
        let female = Bool.random(using: &rng)
        let s = surnames.randomElement(using: &rng) ?? "Nguyễn"
        let m = (female ? femaleMiddle : maleMiddle).randomElement(using: &rng) ?? "Văn"
        let g = (female ? femaleGiven : maleGiven).randomElement(using: &rng) ?? "An"
        return ("\(s) \(m) \(g)", female)
    }

    /// A CCCD that passes validation: province 075 (Đồng Nai), century/sex digit, birth year.
    static func cccd(_ rng: inout SeededRandom, female: Bool) -> String {
        let year = Int.random(in: 1950...2004, using: &rng)
        let centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let yy = year % 100
        let rest = (0..<6).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
        return "075\(centuryDigit)\(yy < 10 ? "0" : "")\(yy)\(rest)"
    }

    static func phone(_ rng: inout SeededRandom) -> String {
        let prefix = ["091", "098", "097", "086", "035", "038", "077", "083", "090", "093"].randomElement(using: &rng) ?? "091"
        return prefix + (0..<7).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
    }

    static func address(_ rng: inout SeededRandom) -> String {
        "\(hamlets.randomElement(using: &rng) ?? "Ấp 3"), xã Tân Phú"
    }
}
