// The interface in Thai (the default) and English. The choice is kept in localStorage and set on <html lang>, so
// the browser picks Thai line breaking and fonts. Every key must exist in both languages (the types check it).

const en = {
  'app.name': 'Members',
  'app.skip': 'Skip to content',
  'lang.label': 'Language',
  'lang.switch': 'ภาษาไทย',

  'nav.chat': 'Chat',
  'nav.notifications': 'Notifications',
  'nav.profile': 'Profile',
  'nav.admin': 'Admin',
  'nav.logout': 'Sign out',
  'nav.main': 'Main',

  'conn.connecting': 'Connecting…',
  'conn.connected': 'Connected',
  'conn.reconnecting': 'Connection lost, reconnecting…',

  'auth.title': 'Welcome',
  'auth.subtitle': 'Sign in or create an account to chat with everyone online.',
  'auth.login': 'Sign in',
  'auth.register': 'Create account',
  'auth.identifier': 'Username, email or phone',
  'auth.password': 'Password',
  'auth.username': 'Username',
  'auth.email': 'Email',
  'auth.phone': 'Phone',
  'auth.usernameHint': '3–32 letters, digits, _ . or -, starting with a letter',
  'auth.passwordHint': 'At least 8 characters',
  'auth.phoneHint': 'e.g. 081-234-5678',
  'auth.submitLogin': 'Sign in',
  'auth.submitRegister': 'Create account',
  'auth.sessionEnded': 'Your session has ended. Please sign in again.',
  'auth.signedOut': 'You have signed out.',

  'chat.conversations': 'Conversations',
  'chat.everyone': 'Everyone',
  'chat.online': 'Online',
  'chat.noOneOnline': 'Nobody else is online yet.',
  'chat.with': 'Chat with {name}',
  'chat.room': 'Everyone’s room',
  'chat.message': 'Message',
  'chat.placeholder': 'Write a message…',
  'chat.send': 'Send',
  'chat.loadingOlder': 'Loading earlier messages…',
  'chat.beginning': 'This is the beginning of the conversation.',
  'chat.empty': 'No messages yet. Say hello!',
  'chat.you': 'You',
  'chat.unread': '{count} new',
  'chat.newMessageFrom': 'New message from {name}',

  'status.ONLINE': 'Online',
  'status.AWAY': 'Away',
  'status.OFFLINE': 'Offline',

  'notif.title': 'Notifications',
  'notif.markRead': 'Mark as read',
  'notif.markAllRead': 'Mark all as read',
  'notif.empty': 'No notifications.',
  'notif.loadMore': 'Load more',
  'notif.unreadBadge': '{count} unread',
  'notif.from': 'From {name}',
  'notif.kind.BROADCAST': 'To everyone',
  'notif.kind.DIRECT': 'To you',
  'notif.kind.SYSTEM': 'System',
  'notif.new': 'New notification: {title}',
  'notif.read': 'Read',

  'profile.title': 'Your profile',
  'profile.avatar': 'Avatar',
  'profile.chooseFile': 'Choose an image',
  'profile.noFile': 'No file chosen',
  'profile.avatarHint': 'JPEG, PNG, GIF or WebP; it is cropped to a square.',
  'profile.preview': 'Preview of the new avatar',
  'profile.noPreview': 'This file cannot be shown as an image.',
  'profile.current': 'Your avatar',
  'profile.upload': 'Upload',
  'profile.deleteAvatar': 'Remove avatar',
  'profile.avatarSaved': 'Avatar saved.',
  'profile.avatarRemoved': 'Avatar removed.',
  'profile.details': 'Details',
  'profile.save': 'Save',
  'profile.saved': 'Saved.',
  'profile.noChanges': 'Nothing changed.',
  'profile.password': 'Change password',
  'profile.currentPassword': 'Current password',
  'profile.newPassword': 'New password',
  'profile.confirmPassword': 'Repeat the new password',
  'profile.mismatch': 'The two passwords differ.',
  'profile.changePassword': 'Change password',
  'profile.passwordChanged': 'Password changed. Other devices signed out: {count}.',
  'profile.role': 'Role: {role}',

  'admin.title': 'Administration',
  'admin.users': 'Users',
  'admin.permissionHistory': 'Permission history',
  'admin.loginHistory': 'Sign-in history',
  'admin.broadcast': 'Notify everyone',
  'admin.search': 'Search',
  'admin.searchLabel': 'Username, email or phone starts with',
  'admin.status': 'Status',
  'admin.all': 'All',
  'admin.active': 'Active',
  'admin.disabled': 'Disabled',
  'admin.range': '{from}–{to} of {total}',
  'admin.none': 'No users found.',
  'admin.previous': 'Previous',
  'admin.next': 'Next',
  'admin.manage': 'Manage',
  'admin.close': 'Close',
  'admin.role': 'Role',
  'admin.reason': 'Reason (kept in the history)',
  'admin.changeRole': 'Change role',
  'admin.roleChanged': 'Role changed to {role}.',
  'admin.disable': 'Disable account',
  'admin.enable': 'Enable account',
  'admin.disabledDone': 'Account disabled; {count} sessions signed out.',
  'admin.enabledDone': 'Account enabled.',
  'admin.notify': 'Send a notification',
  'admin.notifTitle': 'Title',
  'admin.notifMessage': 'Message',
  'admin.send': 'Send',
  'admin.sent': 'Sent.',
  'admin.historyOf': 'Changes to {name}',
  'admin.loginsOf': 'Sign-ins of {name}',
  'admin.when': 'When',
  'admin.action': 'Change',
  'admin.actor': 'By',
  'admin.target': 'Target',
  'admin.result': 'Result',
  'admin.ip': 'IP',
  'admin.device': 'Device',
  'admin.success': 'Signed in',
  'admin.failed': 'Failed',
  'admin.onlySuccess': 'Successful',
  'admin.onlyFailed': 'Failed',
  'admin.noHistory': 'Nothing recorded.',
  'admin.email': 'Email',
  'admin.user': 'User',
  'login.UNKNOWN_IDENTIFIER': 'no such account',
  'login.WRONG_PASSWORD': 'wrong password',
  'login.ACCOUNT_DISABLED': 'account disabled',
  'login.LOCKED_OUT': 'locked out after repeated failures',
  'action.PERMISSION_CREATED': 'Permission created',
  'action.PERMISSION_DELETED': 'Permission deleted',
  'action.PERMISSION_GRANTED': 'Permission granted',
  'action.PERMISSION_REVOKED': 'Permission revoked',
  'action.PERMISSION_UPDATED': 'Permission updated',
  'action.ROLE_CREATED': 'Role created',
  'action.ROLE_DELETED': 'Role deleted',
  'action.ROLE_UPDATED': 'Role updated',
  'action.USER_DELETED': 'Account deleted',
  'action.ACCOUNT_DELETION_REQUESTED': 'Account deletion requested',
  'action.ACCOUNT_DELETION_CANCELLED': 'Account deletion cancelled',
  'action.ACCOUNT_ERASED': 'Account erased',
  'action.DATA_EXPORTED': 'Data export requested',
  'action.TERMS_ACCEPTED': 'Terms accepted',
  'action.USER_DISABLED': 'Account disabled',
  'action.USER_ENABLED': 'Account enabled',
  'action.USER_ROLE_CHANGED': 'Role changed',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'recovery.forgot': 'Forgot password?',
  'recovery.forgotHint': 'Enter your username, email or phone. We send a link to your email, or a code by SMS when you enter a phone number.',
  'recovery.send': 'Send',
  'recovery.sent': 'If an account matches, a link is on its way to its email, or a code to its phone. Enter an SMS code below.',
  'recovery.code': 'Code',
  'recovery.codeHint': '6 digits',
  'recovery.resetTitle': 'Set a new password',
  'recovery.setPassword': 'Set password and sign in',
  'recovery.codeSignIn': 'Sign in with a code',
  'recovery.sendCode': 'Send a code',
  'recovery.codeSent': 'If an account matches, a code is on its way. Enter it below.',
  'recovery.verifyTitle': 'Verify your email',
  'recovery.verifying': 'Checking the link…',
  'recovery.verified': 'Your email address is verified.',
  'recovery.badLink': 'This link is wrong, used or expired. Sign in and ask for a new one from your profile.',
  'recovery.continue': 'Continue',
  'recovery.verification': 'Verification',
  'recovery.isVerified': 'verified',
  'recovery.notVerified': 'not verified',
  'recovery.pending': 'waiting for verification: {value}',
  'recovery.sendLink': 'Send a verification link',
  'recovery.linkSent': 'A link is on its way to your email.',
  'recovery.verifyPhone': 'Verify phone',
  'recovery.pendingSaved': 'Saved. The new address is used once you verify it (see Verification).',
  'error.retry': 'Try again',
  'error.INVALID_CREDENTIALS': 'Wrong username, email, phone or password.',
  'error.ACCOUNT_DISABLED': 'This account is disabled.',
  'error.RATE_LIMITED': 'Too many attempts. Try again in {seconds} seconds.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.NOT_FOUND': 'Not found.',
  'error.BAD_USER_INPUT': 'Please check this value.',
  'error.CONFLICT': 'This conflicts with existing data.',
  'error.CONFLICT.username': 'This username is taken.',
  'error.CONFLICT.email': 'This email address is already registered.',
  'error.CONFLICT.phone': 'This phone number is already registered.',
  'error.CONFLICT.LAST_ADMIN': 'Refused: nobody active would be left able to manage roles.',
  'error.invalid.username': 'Use 3–32 letters, digits, _ . or -, starting with a letter.',
  'error.invalid.email': 'This is not a valid email address.',
  'error.invalid.phone': 'This is not a valid phone number.',
  'error.invalid.password': 'The password must have at least 8 characters.',
  'error.invalid.newPassword': 'The new password must have at least 8 characters and differ from the current one.',
  'error.invalid.currentPassword': 'The current password is wrong.',
  'error.invalid.content': 'A message has 1 to 2000 characters.',
  'error.invalid.file': 'Choose a JPEG, PNG, GIF or WebP image within the size limit.',
  'error.invalid.title': 'A title has 1 to 200 characters.',
  'error.invalid.message': 'A message has 1 to 5000 characters.',
  'error.invalid.reason': 'A reason has at most 500 characters.',
  'error.required': 'Required.',
} as const;

export type MessageKey = keyof typeof en;

const th: Record<MessageKey, string> = {
  'app.name': 'สมาชิก',
  'app.skip': 'ข้ามไปยังเนื้อหา',
  'lang.label': 'ภาษา',
  'lang.switch': 'English',

  'nav.chat': 'แชท',
  'nav.notifications': 'การแจ้งเตือน',
  'nav.profile': 'โปรไฟล์',
  'nav.admin': 'ผู้ดูแลระบบ',
  'nav.logout': 'ออกจากระบบ',
  'nav.main': 'เมนูหลัก',

  'conn.connecting': 'กำลังเชื่อมต่อ…',
  'conn.connected': 'เชื่อมต่อแล้ว',
  'conn.reconnecting': 'การเชื่อมต่อขาดหาย กำลังเชื่อมต่อใหม่…',

  'auth.title': 'ยินดีต้อนรับ',
  'auth.subtitle': 'เข้าสู่ระบบหรือสมัครสมาชิกเพื่อแชทกับทุกคนที่ออนไลน์',
  'auth.login': 'เข้าสู่ระบบ',
  'auth.register': 'สมัครสมาชิก',
  'auth.identifier': 'ชื่อผู้ใช้ อีเมล หรือเบอร์โทรศัพท์',
  'auth.password': 'รหัสผ่าน',
  'auth.username': 'ชื่อผู้ใช้',
  'auth.email': 'อีเมล',
  'auth.phone': 'เบอร์โทรศัพท์',
  'auth.usernameHint': '3–32 ตัว ใช้ตัวอักษร ตัวเลข _ . หรือ - และขึ้นต้นด้วยตัวอักษร',
  'auth.passwordHint': 'อย่างน้อย 8 ตัวอักษร',
  'auth.phoneHint': 'เช่น 081-234-5678',
  'auth.submitLogin': 'เข้าสู่ระบบ',
  'auth.submitRegister': 'สมัครสมาชิก',
  'auth.sessionEnded': 'เซสชันของคุณสิ้นสุดแล้ว โปรดเข้าสู่ระบบอีกครั้ง',
  'auth.signedOut': 'คุณออกจากระบบแล้ว',

  'chat.conversations': 'บทสนทนา',
  'chat.everyone': 'ทุกคน',
  'chat.online': 'ออนไลน์',
  'chat.noOneOnline': 'ยังไม่มีใครออนไลน์',
  'chat.with': 'แชทกับ {name}',
  'chat.room': 'ห้องสนทนารวม',
  'chat.message': 'ข้อความ',
  'chat.placeholder': 'พิมพ์ข้อความ…',
  'chat.send': 'ส่ง',
  'chat.loadingOlder': 'กำลังโหลดข้อความก่อนหน้า…',
  'chat.beginning': 'นี่คือจุดเริ่มต้นของบทสนทนา',
  'chat.empty': 'ยังไม่มีข้อความ ทักทายกันเลย!',
  'chat.you': 'คุณ',
  'chat.unread': 'ใหม่ {count}',
  'chat.newMessageFrom': 'ข้อความใหม่จาก {name}',

  'status.ONLINE': 'ออนไลน์',
  'status.AWAY': 'ไม่อยู่',
  'status.OFFLINE': 'ออฟไลน์',

  'notif.title': 'การแจ้งเตือน',
  'notif.markRead': 'ทำเครื่องหมายว่าอ่านแล้ว',
  'notif.markAllRead': 'อ่านทั้งหมดแล้ว',
  'notif.empty': 'ไม่มีการแจ้งเตือน',
  'notif.loadMore': 'โหลดเพิ่ม',
  'notif.unreadBadge': 'ยังไม่ได้อ่าน {count} รายการ',
  'notif.from': 'จาก {name}',
  'notif.kind.BROADCAST': 'ถึงทุกคน',
  'notif.kind.DIRECT': 'ถึงคุณ',
  'notif.kind.SYSTEM': 'ระบบ',
  'notif.new': 'การแจ้งเตือนใหม่: {title}',
  'notif.read': 'อ่านแล้ว',

  'profile.title': 'โปรไฟล์ของคุณ',
  'profile.avatar': 'รูปโปรไฟล์',
  'profile.chooseFile': 'เลือกรูปภาพ',
  'profile.noFile': 'ยังไม่ได้เลือกไฟล์',
  'profile.avatarHint': 'JPEG, PNG, GIF หรือ WebP ระบบจะครอบตัดเป็นสี่เหลี่ยมจัตุรัส',
  'profile.preview': 'ตัวอย่างรูปโปรไฟล์ใหม่',
  'profile.noPreview': 'ไฟล์นี้แสดงเป็นรูปภาพไม่ได้',
  'profile.current': 'รูปโปรไฟล์ของคุณ',
  'profile.upload': 'อัปโหลด',
  'profile.deleteAvatar': 'ลบรูปโปรไฟล์',
  'profile.avatarSaved': 'บันทึกรูปโปรไฟล์แล้ว',
  'profile.avatarRemoved': 'ลบรูปโปรไฟล์แล้ว',
  'profile.details': 'ข้อมูลส่วนตัว',
  'profile.save': 'บันทึก',
  'profile.saved': 'บันทึกแล้ว',
  'profile.noChanges': 'ไม่มีการเปลี่ยนแปลง',
  'profile.password': 'เปลี่ยนรหัสผ่าน',
  'profile.currentPassword': 'รหัสผ่านปัจจุบัน',
  'profile.newPassword': 'รหัสผ่านใหม่',
  'profile.confirmPassword': 'ยืนยันรหัสผ่านใหม่',
  'profile.mismatch': 'รหัสผ่านทั้งสองช่องไม่ตรงกัน',
  'profile.changePassword': 'เปลี่ยนรหัสผ่าน',
  'profile.passwordChanged': 'เปลี่ยนรหัสผ่านแล้ว ออกจากระบบอุปกรณ์อื่น {count} เครื่อง',
  'profile.role': 'บทบาท: {role}',

  'admin.title': 'การดูแลระบบ',
  'admin.users': 'ผู้ใช้',
  'admin.permissionHistory': 'ประวัติสิทธิ์',
  'admin.loginHistory': 'ประวัติการเข้าสู่ระบบ',
  'admin.broadcast': 'แจ้งเตือนทุกคน',
  'admin.search': 'ค้นหา',
  'admin.searchLabel': 'ชื่อผู้ใช้ อีเมล หรือเบอร์โทรที่ขึ้นต้นด้วย',
  'admin.status': 'สถานะ',
  'admin.all': 'ทั้งหมด',
  'admin.active': 'ใช้งานได้',
  'admin.disabled': 'ถูกระงับ',
  'admin.range': '{from}–{to} จาก {total}',
  'admin.none': 'ไม่พบผู้ใช้',
  'admin.previous': 'ก่อนหน้า',
  'admin.next': 'ถัดไป',
  'admin.manage': 'จัดการ',
  'admin.close': 'ปิด',
  'admin.role': 'บทบาท',
  'admin.reason': 'เหตุผล (บันทึกไว้ในประวัติ)',
  'admin.changeRole': 'เปลี่ยนบทบาท',
  'admin.roleChanged': 'เปลี่ยนบทบาทเป็น {role} แล้ว',
  'admin.disable': 'ระงับบัญชี',
  'admin.enable': 'เปิดใช้บัญชี',
  'admin.disabledDone': 'ระงับบัญชีแล้ว ออกจากระบบ {count} เซสชัน',
  'admin.enabledDone': 'เปิดใช้บัญชีแล้ว',
  'admin.notify': 'ส่งการแจ้งเตือน',
  'admin.notifTitle': 'หัวข้อ',
  'admin.notifMessage': 'ข้อความ',
  'admin.send': 'ส่ง',
  'admin.sent': 'ส่งแล้ว',
  'admin.historyOf': 'การเปลี่ยนแปลงของ {name}',
  'admin.loginsOf': 'การเข้าสู่ระบบของ {name}',
  'admin.when': 'เวลา',
  'admin.action': 'การเปลี่ยนแปลง',
  'admin.actor': 'โดย',
  'admin.target': 'เป้าหมาย',
  'admin.result': 'ผล',
  'admin.ip': 'IP',
  'admin.device': 'อุปกรณ์',
  'admin.success': 'สำเร็จ',
  'admin.failed': 'ไม่สำเร็จ',
  'admin.onlySuccess': 'สำเร็จ',
  'admin.onlyFailed': 'ไม่สำเร็จ',
  'admin.noHistory': 'ยังไม่มีรายการ',
  'admin.email': 'อีเมล',
  'admin.user': 'ผู้ใช้',
  'login.UNKNOWN_IDENTIFIER': 'ไม่พบบัญชี',
  'login.WRONG_PASSWORD': 'รหัสผ่านผิด',
  'login.ACCOUNT_DISABLED': 'บัญชีถูกระงับ',
  'login.LOCKED_OUT': 'ถูกล็อกชั่วคราวเพราะผิดหลายครั้ง',
  'action.PERMISSION_CREATED': 'สร้างสิทธิ์',
  'action.PERMISSION_DELETED': 'ลบสิทธิ์',
  'action.PERMISSION_GRANTED': 'ให้สิทธิ์',
  'action.PERMISSION_REVOKED': 'ถอนสิทธิ์',
  'action.PERMISSION_UPDATED': 'แก้ไขสิทธิ์',
  'action.ROLE_CREATED': 'สร้างบทบาท',
  'action.ROLE_DELETED': 'ลบบทบาท',
  'action.ROLE_UPDATED': 'แก้ไขบทบาท',
  'action.USER_DELETED': 'ลบบัญชี',
  'action.ACCOUNT_DELETION_REQUESTED': 'ขอลบบัญชี',
  'action.ACCOUNT_DELETION_CANCELLED': 'ยกเลิกการลบบัญชี',
  'action.ACCOUNT_ERASED': 'ลบข้อมูลบัญชีแล้ว',
  'action.DATA_EXPORTED': 'ขอสำเนาข้อมูล',
  'action.TERMS_ACCEPTED': 'ยอมรับข้อกำหนด',
  'action.USER_DISABLED': 'ระงับบัญชี',
  'action.USER_ENABLED': 'เปิดใช้บัญชี',
  'action.USER_ROLE_CHANGED': 'เปลี่ยนบทบาท',

  'error.network': 'ติดต่อเซิร์ฟเวอร์ไม่ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองใหม่',
  'error.unexpected': 'เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
  'recovery.forgot': 'ลืมรหัสผ่าน?',
  'recovery.forgotHint': 'กรอกชื่อผู้ใช้ อีเมล หรือเบอร์โทรศัพท์ เราจะส่งลิงก์ไปที่อีเมล หรือส่งรหัสทาง SMS หากกรอกเบอร์โทรศัพท์',
  'recovery.send': 'ส่ง',
  'recovery.sent': 'หากมีบัญชีที่ตรงกัน เราได้ส่งลิงก์ไปที่อีเมลหรือรหัสไปที่โทรศัพท์แล้ว กรอกรหัสจาก SMS ด้านล่าง',
  'recovery.code': 'รหัส',
  'recovery.codeHint': 'ตัวเลข 6 หลัก',
  'recovery.resetTitle': 'ตั้งรหัสผ่านใหม่',
  'recovery.setPassword': 'ตั้งรหัสผ่านและเข้าสู่ระบบ',
  'recovery.codeSignIn': 'เข้าสู่ระบบด้วยรหัส',
  'recovery.sendCode': 'ส่งรหัส',
  'recovery.codeSent': 'หากมีบัญชีที่ตรงกัน เราได้ส่งรหัสแล้ว กรอกรหัสด้านล่าง',
  'recovery.verifyTitle': 'ยืนยันอีเมล',
  'recovery.verifying': 'กำลังตรวจสอบลิงก์…',
  'recovery.verified': 'ยืนยันอีเมลของคุณเรียบร้อยแล้ว',
  'recovery.badLink': 'ลิงก์นี้ไม่ถูกต้อง ถูกใช้แล้ว หรือหมดอายุ เข้าสู่ระบบแล้วขอลิงก์ใหม่จากหน้าโปรไฟล์',
  'recovery.continue': 'ดำเนินการต่อ',
  'recovery.verification': 'การยืนยันตัวตน',
  'recovery.isVerified': 'ยืนยันแล้ว',
  'recovery.notVerified': 'ยังไม่ยืนยัน',
  'recovery.pending': 'รอการยืนยัน: {value}',
  'recovery.sendLink': 'ส่งลิงก์ยืนยัน',
  'recovery.linkSent': 'ส่งลิงก์ไปที่อีเมลของคุณแล้ว',
  'recovery.verifyPhone': 'ยืนยันเบอร์โทรศัพท์',
  'recovery.pendingSaved': 'บันทึกแล้ว ที่อยู่ใหม่จะใช้งานได้เมื่อคุณยืนยัน (ดูที่การยืนยันตัวตน)',
  'error.retry': 'ลองอีกครั้ง',
  'error.INVALID_CREDENTIALS': 'ชื่อผู้ใช้ อีเมล เบอร์โทรศัพท์ หรือรหัสผ่านไม่ถูกต้อง',
  'error.ACCOUNT_DISABLED': 'บัญชีนี้ถูกระงับการใช้งาน',
  'error.RATE_LIMITED': 'ลองหลายครั้งเกินไป โปรดลองใหม่ในอีก {seconds} วินาที',
  'error.FORBIDDEN': 'คุณไม่มีสิทธิ์ทำรายการนี้',
  'error.NOT_FOUND': 'ไม่พบข้อมูล',
  'error.BAD_USER_INPUT': 'โปรดตรวจสอบข้อมูลนี้',
  'error.CONFLICT': 'ข้อมูลซ้ำกับที่มีอยู่แล้ว',
  'error.CONFLICT.username': 'ชื่อผู้ใช้นี้ถูกใช้แล้ว',
  'error.CONFLICT.email': 'อีเมลนี้ลงทะเบียนไว้แล้ว',
  'error.CONFLICT.phone': 'เบอร์โทรศัพท์นี้ลงทะเบียนไว้แล้ว',
  'error.CONFLICT.LAST_ADMIN': 'ทำไม่ได้: จะไม่เหลือผู้ใช้ที่จัดการบทบาทได้',
  'error.invalid.username': 'ใช้ 3–32 ตัว เป็นตัวอักษร ตัวเลข _ . หรือ - และขึ้นต้นด้วยตัวอักษร',
  'error.invalid.email': 'อีเมลไม่ถูกต้อง',
  'error.invalid.phone': 'เบอร์โทรศัพท์ไม่ถูกต้อง',
  'error.invalid.password': 'รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร',
  'error.invalid.newPassword': 'รหัสผ่านใหม่ต้องมีอย่างน้อย 8 ตัวอักษรและต่างจากรหัสผ่านเดิม',
  'error.invalid.currentPassword': 'รหัสผ่านปัจจุบันไม่ถูกต้อง',
  'error.invalid.content': 'ข้อความต้องยาว 1 ถึง 2000 ตัวอักษร',
  'error.invalid.file': 'เลือกรูป JPEG, PNG, GIF หรือ WebP ที่ขนาดไม่เกินกำหนด',
  'error.invalid.title': 'หัวข้อต้องยาว 1 ถึง 200 ตัวอักษร',
  'error.invalid.message': 'ข้อความต้องยาว 1 ถึง 5000 ตัวอักษร',
  'error.invalid.reason': 'เหตุผลยาวได้ไม่เกิน 500 ตัวอักษร',
  'error.required': 'โปรดกรอกข้อมูลนี้',
};

export type Lang = 'th' | 'en';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { th, en };
const STORAGE_KEY = 'membership.lang';

function stored(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'th' ? value : 'th';
  } catch {
    return 'th';
  }
}

let current: Lang = stored();
const listeners = new Set<() => void>();

export function lang(): Lang {
  return current;
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}

/** The text for `key` in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Switches language, remembers it, and tells every view to redraw its text. */
export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts as long as the page.
  }
  applyDocumentLang();
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyDocumentLang(): void {
  document.documentElement.lang = current;
  document.title = t('app.name');
}

/** Thai dates use the Buddhist calendar, as Thai readers expect. */
function locale(): string {
  return current === 'th' ? 'th-TH' : 'en-GB';
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(locale(), sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** Keeps the language of other tabs in step. */
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY && (event.newValue === 'th' || event.newValue === 'en') && event.newValue !== current) setLang(event.newValue);
});
