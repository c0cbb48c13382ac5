# 软件菜单
open-file = 打开文件
save = 保存 { $name } 到默认文件夹
