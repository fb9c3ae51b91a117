import Testing
@testable import MotCuaTUI

@Suite struct VNIInputTests {
    let vni = VietnameseComposer(kind: .vni)

    static let vowelTable: [(keys: String, forms: String)] = [
        ("a", "aáàảãạ"), ("a8", "ăắằẳẵặ"), ("a6", "âấầẩẫậ"), ("e", "eéèẻẽẹ"), ("e6", "êếềểễệ"),
        ("i", "iíìỉĩị"), ("o", "oóòỏõọ"), ("o6", "ôốồổỗộ"), ("o7", "ơớờởỡợ"), ("u", "uúùủũụ"),
        ("u7", "ưứừửữự"), ("y", "yýỳỷỹỵ"),
    ]

    @Test(arguments: vowelTable)
    func allSixTonesOnEachVowel(_ row: (keys: String, forms: String)) {
        let forms = Array(row.forms)
        for (toneKey, form) in zip(["", "1", "2", "3", "4", "5"], forms) {
            #expect(vni.compose(row.keys + toneKey) == String(form), "\(row.keys)\(toneKey)")
            #expect(vni.compose("b" + row.keys + toneKey) == "b" + String(form))
        }
        #expect(vni.compose(row.keys.uppercased() + "1") == String(forms[1]).uppercased())
    }

    @Test(arguments: [
        ("Nguye6n4", "Nguyễn"), ("Ho6ng2", "Hồng"), ("Su75", "Sự"), ("tie6ng1", "tiếng"),
        ("vie6t5", "việt"), ("quye6n2", "quyền"), ("gi2", "gì"), ("giu7a4", "giữa"),
        ("nguoi72", "người"), ("d9uo7c5", "được"), ("d9u7o7c5", "được"), ("du7o7c5", "dược"), ("d9i", "đi"),
        ("di9", "đi"), ("D9", "Đ"), ("hoa8c5", "hoặc"), ("u7", "ư"),
        ("NGUYE6N4", "NGUYỄN"), ("hoa2n", "hoàn"), ("to1an", "toán"),
    ])
    func examples(_ keys: String, _ expected: String) {
        #expect(vni.compose(keys) == expected, "\(keys)")
    }

    @Test func fullNameWithSpaces() {
        #expect(vni.compose("Nguye6n4 Ho6ng2 Su75") == "Nguyễn Hồng Sự")
        #expect(vni.compose("HD9ND QSDD9") == "HĐND QSDĐ")
    }

    @Test(arguments: [
        ("a11", "a1"), ("a22", "a2"), ("a66", "a6"), ("a88", "a8"), ("o77", "o7"),
        ("uo77", "uo7"), ("d99", "d9"), ("D99", "D9"), ("Ho6ng22", "Hông2"),
    ])
    func doubledKeyUndoes(_ keys: String, _ expected: String) {
        #expect(vni.compose(keys) == expected, "\(keys)")
    }

    @Test func digitsThatCannotApplyStayDigits() {
        #expect(vni.compose("so 12") == "so 12")
        #expect(vni.compose("a111") == "a11")        // after the undo, the word ends in a digit
        #expect(vni.compose("0912 345 678") == "0912 345 678")
        #expect(vni.compose("b1") == "b1")
        #expect(vni.compose("a0") == "a0")
        #expect(vni.compose("a10") == "a")
        #expect(vni.compose("st1") == "st1")
        #expect(vni.compose("test1") == "test1")
    }

    @Test func lettersAreNotTelexKeys() {
        #expect(vni.compose("Nguyeenx dd ww") == "Nguyeenx dd ww")
    }
}
