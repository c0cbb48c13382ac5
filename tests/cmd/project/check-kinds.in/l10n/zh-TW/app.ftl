hello = 你好，{ $user }
bye = 再見
