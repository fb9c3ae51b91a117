import Testing
@testable import MotCuaTUI

@Suite struct TelexInputTests {
    let telex = VietnameseComposer(kind: .telex)

    /// Each vowel, as Telex spells it, followed by its six forms: ngang, sắc, huyền, hỏi, ngã, nặng.
    static let vowelTable: [(keys: String, forms: String)] = [
        ("a", "aáàảãạ"), ("aw", "ăắằẳẵặ"), ("aa", "âấầẩẫậ"), ("e", "eéèẻẽẹ"), ("ee", "êếềểễệ"),
        ("i", "iíìỉĩị"), ("o", "oóòỏõọ"), ("oo", "ôốồổỗộ"), ("ow", "ơớờởỡợ"), ("u", "uúùủũụ"),
        ("uw", "ưứừửữự"), ("y", "yýỳỷỹỵ"),
    ]

    @Test(arguments: vowelTable)
    func allSixTonesOnEachVowel(_ row: (keys: String, forms: String)) {
        let forms = Array(row.forms)
        for (toneKey, form) in zip(["", "s", "f", "r", "x", "j"], forms) {
            #expect(telex.compose(row.keys + toneKey) == String(form), "\(row.keys)\(toneKey)")
            #expect(telex.compose("b" + row.keys + toneKey) == "b" + String(form))
        }
        // Uppercase keys, uppercase letters; the tone key's case does not matter.
        let upper = String(forms[1]).uppercased()
        #expect(telex.compose(row.keys.uppercased() + "S") == upper)
        #expect(telex.compose(row.keys.uppercased() + "s") == upper)
    }

    @Test(arguments: [
        ("Nguyeenx", "Nguyễn"), ("Hoongf", "Hồng"), ("Suwj", "Sự"), ("tieengs", "tiếng"),
        ("vieetj", "việt"), ("quyeenf", "quyền"), ("gif", "gì"), ("giuwax", "giữa"),
        ("nguoiwf", "người"), ("dduwowcj", "được"), ("dduwocj", "được"), ("tw", "tư"),
        ("w", "ư"), ("W", "Ư"), ("ddi", "đi"), ("DDi", "Đi"), ("Ddi", "Đi"), ("DD", "Đ"),
        ("quas", "quá"), ("gias", "giá"), ("muaf", "mùa"), ("muwa", "mưa"), ("guwir", "gửi"),
        ("hoawcj", "hoặc"), ("cuwus", "cứu"), ("thuees", "thuế"), ("hoaif", "hoài"),
        ("khuyru", "khuỷu"), ("xooongf", "xoòng"), ("huwowu", "hươu"), ("uwowi", "ươi"),
        ("tienge", "tiêng"), ("tiengse", "tiếng"), ("Vieetj Nam", "Việt Nam"),
        ("NGUYEENX", "NGUYỄN"), ("VIEETJ", "VIỆT"), ("DDUWOWCJ", "ĐƯỢC"),
    ])
    func examples(_ keys: String, _ expected: String) {
        #expect(telex.compose(keys) == expected, "\(keys)")
    }

    @Test func fullNameWithSpaces() {
        #expect(telex.compose("Nguyeenx Hoongf Suwj") == "Nguyễn Hồng Sự")
        #expect(telex.compose("Traanf Thij Thu Hawngf") == "Trần Thị Thu Hằng")
        #expect(telex.compose("xax Ddoongf Taam") == "xã Đồng Tâm")
    }

    @Test func ddInAcronymsButNotAfterAVowel() {
        #expect(telex.compose("UBND HDDND QSDDDD") == "UBND HĐND QSDĐ")
        #expect(telex.compose("add ladder") == "add ladder")
        #expect(telex.compose("did") == "did")
    }

    @Test(arguments: [
        ("ass", "as"), ("aff", "af"), ("aaa", "aa"), ("aww", "aw"), ("eee", "ee"), ("ooo", "oo"),
        ("oww", "ow"), ("ddd", "dd"), ("DDD", "DD"), ("ww", "uw"), ("uww", "uw"),
        ("nguoiww", "nguoiw"), ("Hoongff", "Hôngf"), ("tieenge", "tienge"),
    ])
    func doubledKeyUndoes(_ keys: String, _ expected: String) {
        #expect(telex.compose(keys) == expected, "\(keys)")
    }

    @Test func toneChangesAndRemoval() {
        #expect(telex.compose("asf") == "à")
        #expect(telex.compose("Hoongfs") == "Hống")
        #expect(telex.compose("Hoongfz") == "Hông")
        #expect(telex.compose("az") == "az")
        #expect(telex.compose("tieengsz") == "tiêng")
    }

    @Test func toneMovesWhenTheWordChanges() {
        // Typed before the final consonant, the tone moves to where it belongs.
        #expect(telex.compose("hoafn") == "hoàn")
        #expect(telex.compose("hoafng") == "hoàng")
        #expect(telex.compose("tosan") == "toán")
        #expect(telex.compose("tiesng") == "tiéng")
        #expect(telex.compose("tiesnge") == "tiếng")
        #expect(telex.compose("nguwowfi") == "người")
        #expect(telex.compose("gifa") == "già")
        // A mark added after the tone takes it over.
        #expect(telex.compose("muwfa") == "mừa")
        #expect(telex.compose("Nguyexen") == "Nguyễn")
    }

    @Test(arguments: ["s", "st", "sts", "fff", "j", "z", "hello", "http", "xyz", "bmw",
                      "123", "a.b", "e-mail"])
    func wordsThatAreNotSyllablesStayAsTyped(_ keys: String) {
        #expect(telex.compose(keys) == keys)
    }

    @Test func nonLettersPassThrough() {
        #expect(telex.compose("so 12, ngay 3/4") == "so 12, ngay 3/4")
        #expect(telex.compose("as.") == "á.")
        #expect(telex.compose("as 1s") == "á 1s")
    }
}
