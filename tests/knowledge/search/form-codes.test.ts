import { expect, it } from 'vitest'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/**
 * A form's code is no procedure: CT01 ("Tờ khai thay đổi thông tin cư trú") is filed for every residence
 * registration, so it must not pull a question to the one name that holds "thông tin … cư trú".
 */
describeOnPortal('a form named by its code (the shipped export)', (portal) => {
  it('answers the procedure the question names beside the form', async () => {
    for (const question of ['đăng ký tạm trú mẫu CT01', 'điền tờ khai CT01 đăng ký tạm trú'])
      expect(kindAndCode(await portal.kb.answer(question, {})), question).toEqual({
        kind: 'answer',
        code: '1.004194',
      })
  })
})
