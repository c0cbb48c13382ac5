# 审校过的措辞。
open-file = 開啟檔案⋯
files-selected =
    { $count ->
        [0] 未選取任何檔案
        [one] 已選取 { $count } 個檔案
       *[other] 已選取 { NUMBER($count) } 個檔案，共 { $size }
    }
